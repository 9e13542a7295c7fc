package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word that a page's URL names it by matches that page in any query, as it does alone: the
 * demo site's faq.html says "FAQ" only in its navigation, and was gone from {@code faq OR zzzz}.
 */
class UrlNamesAmongWordsSearchTest {
  private static final String SITE = "https://acme.example/";
  private static final String FAQ = SITE + "faq.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAPageItsUrlNamesAndPagesThatSayTheWord() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        FAQ, DocsSite.html("Frequently asked questions about Acme Widgets", "<p>Can a widget be resized? Yes:"
            + " drag its corner. Do widgets keep their state? They keep it until the page closes.</p>"),
        SITE + "tutorial/index.html", DocsSite.html("Tutorial", "<p>Build your first widgets in ten minutes. The"
            + " FAQ answers what this tutorial leaves out; widgets are covered step by step, and the FAQ after.</p>"),
        SITE + "guide/widget-cache.html", DocsSite.html("The widget cache", "<p>Widgets are cached per page;"
            + " the cache keeps widgets until they are closed.</p>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aWordAloneFindsThePageItsUrlNames() throws Exception {
    assertThat(searcher.search("faq", 10).hits()).extracting(SearchHit::url).startsWith(FAQ);
  }

  @Test
  void anAlternativeThatMatchesNothingDropsNoPage() throws Exception {
    assertThat(searcher.search("faq OR zzzz", 10).hits()).extracting(SearchHit::url).startsWith(FAQ);
    assertThat(searcher.search("faq OR faq", 10).hits()).extracting(SearchHit::url).startsWith(FAQ);
    assertThat(searcher.search("faq OR \"copy of faq\"", 10).hits()).extracting(SearchHit::url).contains(FAQ);
  }

  @Test
  void aPageItsUrlNamesForOneWordAndWhoseTitleHasTheOtherComesFirst() throws Exception {
    // It ranked last: it lacked "faq" in its text, so it did not have every word.
    assertThat(searcher.search("faq widgets", 10).hits().get(0).url()).isEqualTo(FAQ);
  }
}
