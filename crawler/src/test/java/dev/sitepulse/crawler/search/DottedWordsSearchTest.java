package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words typed for a dotted name that a page defines, on pages shaped as Node.js's own HTML: the page
 * that defines net.createServer writes it whole, one word to the index, and never createServer alone.
 */
class DottedWordsSearchTest {
  private static final String SITE = "https://nodejs.example/api/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  private static String heading(String code, String id) {
    return "<h3><code>" + code + "</code><span><a class=\"mark\" href=\"#" + id + "\" id=\"" + id + "\">#</a></span></h3>";
  }

  @BeforeAll
  static void indexModulePages() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        SITE + "net.html", DocsSite.html("Net", "<p>" + "The node:net module provides an asynchronous network API. ".repeat(40)
            + "</p>" + heading("net.createServer([options][, connectionListener])", "netcreateserveroptions-connectionlistener")
            + "<p>Creates a new TCP or IPC server. const server = net.createServer((c) =&gt; {});</p>"),
        SITE + "http.html", DocsSite.html("HTTP", "<p>The HTTP server is a net server: like createServer in net, its"
            + " createServer takes a listener.</p>" + heading("http.createServer([options][, requestListener])",
                "httpcreateserveroptions-requestlistener") + "<p>Returns a new instance of http.Server.</p>"),
        SITE + "http2.html", DocsSite.html("HTTP/2", "<p>An HTTP/2 server is no net server, though createServer"
            + " reads as net's createServer does.</p>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void wordsThatADefinedNameJoinsWithDotsFindThePageThatDefinesItFirst() throws Exception {
    // The pages that said both words apart came first: net.createServer had neither as a word alone.
    SearchHit first = searcher.search("net createServer", 10).hits().get(0);

    assertThat(first.url()).isEqualTo(SITE + "net.html");
    assertThat(first.anchor()).isEqualTo("netcreateserveroptions-connectionlistener");
  }
}
