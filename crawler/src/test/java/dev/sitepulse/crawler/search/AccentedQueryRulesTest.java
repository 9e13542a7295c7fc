package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word with accents is two terms at one place (café and cafe), and the query rules that read a
 * word's terms treat it as the one word it is: a prefix still takes its stem, words side by side
 * still get their nearness boost.
 */
class AccentedQueryRulesTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesWithWordsWithAccents() throws Exception {
    searcher = SearchedPages.indexed(dir,
        page(SITE + "plural.html").title("Guide").body("The cafés of Paris open early.").build(),
        page(SITE + "apart.html").title("Drinks").body("Crème is served with tea, and later the café closes.").build(),
        page(SITE + "near.html").title("Drinks").body("A café crème is served with tea, and later the bar closes.").build());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aPrefixOfAWordWithAccentsFindsTheWordsWhoseStemItStarts() throws Exception {
    assertThat(SearchedPages.urls(searcher, "cafés*")).contains(SITE + "plural.html");
  }

  @Test
  void wordsWithAccentsSideBySideRankThePageThatHasThemTogetherFirst() throws Exception {
    assertThat(SearchedPages.urls(searcher, "crème café")).startsWith(SITE + "near.html");
  }
}
