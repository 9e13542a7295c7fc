package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a dotted name in a title are words of that title; a heading's are not. */
class DottedTitlePartsTest {
  private static final String REQUEST = "https://docs.example/urllib.request.html";
  private static final String OVERVIEW = "https://docs.example/overview.html";
  private static final String LOGGING = "https://docs.example/logging.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexThreePages() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        REQUEST, DocsSite.html("urllib.request — Extensible library for opening URLs", """
            <p>This module defines functions and classes which help in opening URLs over http,
            mostly with authentication, redirections and cookies.</p>"""),
        OVERVIEW, DocsSite.html("Internet protocols", """
            <p>Modules for internet protocols: http, ftp and smtp. A client sends a request and
            gets an answer.</p>"""),
        LOGGING, DocsSite.html("Logging", """
            <p>Log records go to handlers.</p>
            <section><h2>logging.handlers</h2><p>Rolls a log file over.</p></section>"""))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aTitlesDottedNameMatchesTheWordsItIsMadeOf() throws Exception {
    assertThat(searcher.search("http request", 10).hits()).extracting(SearchHit::url)
        .startsWith(REQUEST, OVERVIEW);
    assertThat(searcher.search("title:request", 10).hits()).extracting(SearchHit::url).containsExactly(REQUEST);
  }

  @Test
  void aHeadingsDottedNameStaysOneWord() throws Exception {
    assertThat(searcher.search("headings:handlers", 10).hits()).isEmpty();
  }
}
