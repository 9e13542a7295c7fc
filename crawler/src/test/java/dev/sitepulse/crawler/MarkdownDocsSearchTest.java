package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions searched on sites that Markdown generators built from the Node.js docs, which head
 * each function with it as code: Docusaurus 3 and VitePress 1 id the heading by a slug of its
 * text, never by the name. Pages shaped as theirs, cut down.
 */
class MarkdownDocsSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String page(String generator, String title, String main) {
    return "<html><head><meta name='generator' content='" + generator + "'><title>" + title + " | Widgets</title></head>"
        + "<body><nav><a href='/index.html'>Home</a></nav><article>" + main + "</article></body></html>";
  }

  /** Long, as an API's page is: each function is a small part of it. */
  private static final String FS = page("Docusaurus v3.10.2", "File system", "<header><h1>File system</h1></header>"
      + "<p>The node:fs module enables interacting with the file system. " + "Most functions have three forms. ".repeat(150) + "</p>"
      + "<h3 class='anchor' id='fsreadfilepath-options-callback'><code>fs.readFile(path[, options], callback)</code>"
      + "<a href='#fsreadfilepath-options-callback' class='hash-link'>\u200b</a></h3><p>Asynchronously reads the entire"
      + " contents of a file. " + "The callback is passed two arguments. ".repeat(150) + "</p>"
      + "<pre><code>import { readFile } from 'node:fs';</code></pre>");
  /** Shorter, and says fs.readFile more often, as the pages that use the function do. */
  private static final String GUIDE = page("Docusaurus v3.10.2", "Reading files", "<header><h1>Reading files</h1></header>"
      + "<p>Call fs.readFile for small files; fs.readFile reads it all at once, so prefer streams to fs.readFile for"
      + " large ones.</p><h2 class='anchor' id='npm-install'><code>npm install</code></h2><p>Install the helpers.</p>"
      + "<h2 class='anchor' id='javascript-modules'>JavaScript modules</h2><p>Import them.</p>");
  private static final String DGRAM = page("VitePress v1.6.4", "UDP/datagram sockets", "<h1 id='udp-datagram-sockets'"
      + " tabindex='-1'>UDP/datagram sockets</h1><p>" + "The node:dgram module provides UDP sockets. ".repeat(150) + "</p>"
      + "<h3 id='dgram-createsocket-options-callback' tabindex='-1'><code>dgram.createSocket(options[, callback])</code>"
      + " <a class='header-anchor' href='#dgram-createsocket-options-callback'>\u200b</a></h3><p>Creates a socket.</p>");
  private static final String DNS = page("VitePress v1.6.4", "DNS packets", "<h1 id='dns-packets'>DNS packets</h1>"
      + "<p>const socket = dgram.createSocket('udp4'); socket.send(dgram.createSocket === undefined);</p>");

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", page("Docusaurus v3.10.2", "Widgets",
        "<a href='/docs/fs/'>fs</a> <a href='/docs/reading-files/'>Reading</a> <a href='/dgram.html'>dgram</a>"
        + " <a href='/dns.html'>dns</a>"), "/docs/fs/", FS, "/docs/reading-files/", GUIDE, "/dgram.html", DGRAM,
        "/dns.html", DNS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aFunctionsNameFindsThePageWhoseCodeHeadingDefinesItFirstAndLinksToTheHeading() throws Exception {
    assertThat(first("fs.readFile").link()).isEqualTo(url("/docs/fs/#fsreadfilepath-options-callback"));
    assertThat(first("fs readFile").link()).as("spaced").isEqualTo(url("/docs/fs/#fsreadfilepath-options-callback"));
    assertThat(first("dgram.createSocket").link()).as("VitePress's slug")
        .isEqualTo(url("/dgram.html#dgram-createsocket-options-callback"));
  }

  @Test
  void aCodeHeadingOfAWordNotShapedAsAnApiNameAndAProseHeadingDefineNothing() throws Exception {
    assertThat(searcher.search("npm", 10).hits()).isNotEmpty().noneMatch(SearchHit::definition);
    assertThat(searcher.search("JavaScript", 10).hits()).isNotEmpty().noneMatch(SearchHit::definition);
  }

  private static SearchHit first(String query) throws Exception {
    return searcher.search(query, 10).hits().get(0);
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
