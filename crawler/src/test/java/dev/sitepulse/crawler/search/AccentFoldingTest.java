package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word typed with or without its accents finds it written either way, as every search engine does. */
class AccentFoldingTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesThatWriteAWordWithAndWithoutAccents() throws Exception {
    searcher = SearchedPages.indexed(dir,
        page(SITE + "accented.html").title("Menu").body("Lunch at the café, with a naïve façade.").build(),
        page(SITE + "plain.html").title("Menu").body("Lunch at the cafe, with a naive facade.").build(),
        page(SITE + "other.html").title("Menu").body("Dinner at home.").build());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aWordTypedWithoutAccentsFindsItWrittenWithThem() throws Exception {
    assertThat(urls("cafe")).containsExactlyInAnyOrder(SITE + "accented.html", SITE + "plain.html");
    assertThat(urls("naive facade")).containsExactlyInAnyOrder(SITE + "accented.html", SITE + "plain.html");
    assertThat(searcher.search("cafe", 10).didYouMean()).isNull();
  }

  @Test
  void aWordTypedWithAccentsFindsItWrittenWithoutThemAfterThePageThatWritesItAsTyped() throws Exception {
    assertThat(urls("café")).containsExactly(SITE + "accented.html", SITE + "plain.html");
    assertThat(urls("\"naïve façade\"")).containsExactly(SITE + "accented.html", SITE + "plain.html");
  }

  @Test
  void aSlipInAWordWithAccentsIsCorrectedToTheWordAsWritten() throws Exception {
    assertThat(searcher.search("caffé", 10).didYouMean()).isEqualTo("café");
  }

  @Test
  void theSnippetMarksTheWordAsThePageWritesIt() throws Exception {
    for (String query : List.of("cafe", "café")) {
      SearchHit hit = searcher.search(query + " host:docs.example", 10).hits().stream()
          .filter(h -> h.url().endsWith("accented.html")).findFirst().orElseThrow();
      assertThat(hit.highlights()).extracting(h -> hit.snippet().substring(h.start(), h.end()))
          .as(query).containsExactly("café");
    }
  }

  private static List<String> urls(String query) throws Exception {
    return SearchedPages.urls(searcher, query);
  }
}
