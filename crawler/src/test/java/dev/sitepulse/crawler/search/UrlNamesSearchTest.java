package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word alone that no page defines finds the page a site names by it, as Node.js names its modules' pages. */
class UrlNamesSearchTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexModulePagesAndPagesThatSayTheirNames() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        SITE + "api/fs.html", DocsSite.html("File system", "<p>The node:fs module enables interacting with the file system."
            + " Read a whole file with <code>fs.readFile(path)</code>, or stream it.</p>"),
        SITE + "api/cli.html", DocsSite.html("Command-line API", "<p>Use --allow-fs-read to grant fs read access and"
            + " --allow-fs-write for fs write access; fs access is denied otherwise.</p>"),
        SITE + "api/http.html", DocsSite.html("HTTP", "<p>To use the HTTP server and client, require node:http."
            + " The interfaces are low-level.</p>"),
        SITE + "api/https.html", DocsSite.html("HTTPS", "<p>HTTPS is the HTTP protocol over TLS. HTTPS agents pool"
            + " HTTP connections as HTTP agents do.</p>"),
        SITE + "library/logging.html", "<html><head><title>logging — Logging facility</title></head><body>"
            + "<section id=\"module-logging\"><h1>logging — Logging facility</h1><p>This module defines functions"
            + " for a flexible event logging system.</p></section></body></html>",
        SITE + "howto/logging/index.html", DocsSite.html("Logging HOWTO", "<p>Logging is a means of tracking events."
            + " Logging calls go to the logging module; logging levels, logging handlers, logging formatters.</p>"),
        SITE + "c-api/function.html", DocsSite.html("Function Objects", "<p>There are a few C functions specific to"
            + " Python functions. PyFunction_New returns a new function object.</p>"),
        SITE + "tutorial/defining.html", DocsSite.html("Defining Functions", "<p>The keyword def introduces a function"
            + " definition. A function returns a value; call the function by its name. Functions are objects.</p>"),
        SITE + "glossary.html", "<html><head><title>Glossary</title></head><body><h1>Glossary</h1><dl class=\"glossary\">"
            + "<dt id=\"term-function\">function</dt><dd><p>A series of statements which returns some value to a caller."
            + " See also <a href=\"tutorial/defining.html\">function</a>.</p></dd></dl></body></html>")));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aWordThePageSaysOnlyInsideNamesFindsThePageItsUrlNamesFirst() throws Exception {
    // BM25 put the command line's --allow-fs-read first: "node:fs" and "fs.readFile" are words of their own.
    SearchHit first = searcher.search("fs", 10).hits().get(0);

    assertThat(first.url()).isEqualTo(SITE + "api/fs.html");
    assertThat(first.anchor()).as("the page, not a section of it").isNull();
  }

  @Test
  void aWordThatStemmingGivesAnotherPageTooFindsThePageItsUrlNamesFirst() throws Exception {
    // HTTPS stems to http: its title and text said it more often than the HTTP page.
    assertThat(searcher.search("http", 10).hits().get(0).url()).isEqualTo(SITE + "api/http.html");
  }

  @Test
  void aWordTheGlossaryExplainsIsAConceptThatNoUrlNamesAPageFor() throws Exception {
    // The C API's function.html came first for a word its title and text said as often as the tutorial's.
    assertThat(searcher.search("function", 10).hits()).extracting(SearchHit::url)
        .startsWith(SITE + "tutorial/defining.html");
  }

  @Test
  void aWordAPageDefinesFindsThatPageFirstNotTheOneItsUrlNames() throws Exception {
    assertThat(searcher.search("logging", 10).hits()).extracting(SearchHit::url)
        .containsExactly(SITE + "library/logging.html", SITE + "howto/logging/index.html");
  }
}
