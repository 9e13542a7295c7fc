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
 * each function with it as code: Docusaurus 3, VitePress 1 and Node's own HTML id the heading by a
 * slug of its text, never by the name. Pages shaped as theirs, cut down.
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

  /** Node.js's own HTML: the id on the heading's permalink, a label before the code. */
  private static final String BUFFER = "<html><head><title>Buffer | Node.js v20.20.2 Documentation</title></head><body>"
      + "<h2>Buffer<span><a class='mark' href='#buffer' id='buffer'>#</a></span></h2><p>"
      + "Buffer objects are used to represent a fixed-length sequence of bytes. ".repeat(100) + "</p>"
      + "<h4><code>buf.toJSON()</code><span><a class='mark' href='#buftojson' id='buftojson'>#</a></span></h4>"
      + "<p>Returns a JSON representation of buf. const copy = Buffer.from(json.data); Buffer.from(json) again.</p>"
      + "<h3>Static method: <code>Buffer.from(array)</code><span><a class='mark' href='#static-method-bufferfromarray'"
      + " id='static-method-bufferfromarray'>#</a></span></h3><p>Allocates a new Buffer using an array of bytes.</p>"
      + "<h4><code>filehandle.stat([options])</code><span><a class='mark' href='#filehandlestatoptions'"
      + " id='filehandlestatoptions'>#</a></span></h4><p>Tells what a file is.</p>"
      + "<h4><code>fs.stat(path[, options], callback)</code><span><a class='mark' href='#fsstatpath-options-callback'"
      + " id='fsstatpath-options-callback'>#</a></span></h4><p>Asynchronously tells what a file is.</p>"
      + "<pre><code>import { stat } from 'node:fs';</code></pre>"
      + "</body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", page("Docusaurus v3.10.2", "Widgets",
        "<a href='/docs/fs/'>fs</a> <a href='/docs/reading-files/'>Reading</a> <a href='/dgram.html'>dgram</a>"
        + " <a href='/dns.html'>dns</a> <a href='/api/buffer.html'>Buffer</a>"), "/docs/fs/", FS, "/docs/reading-files/", GUIDE,
        "/dgram.html", DGRAM, "/dns.html", DNS, "/api/buffer.html", BUFFER));
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
  void nodesOwnHtmlLinksTheHeadingWhosePermalinkHasTheIdAndTheNameTypedInFull() throws Exception {
    assertThat(first("Buffer.from").link()).isEqualTo(url("/api/buffer.html#static-method-bufferfromarray"));
    assertThat(searcher.search("fs stat", 10).hits()).filteredOn(hit -> hit.url().equals(url("/api/buffer.html")))
        .extracting(SearchHit::link).containsExactly(url("/api/buffer.html#fsstatpath-options-callback"));
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
