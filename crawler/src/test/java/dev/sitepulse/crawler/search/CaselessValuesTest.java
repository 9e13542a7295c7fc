package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host: and lang: values are case-insensitive, as host names and language tags are. */
class CaselessValuesTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesInSeveralLanguages() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page(SITE + "us.html").title("Color").language("en-US").build());
      index.upsert(page(SITE + "gb.html").title("Colour").language("en_GB").build());
      index.upsert(page(SITE + "plain.html").title("Colours").language("EN").build());
      index.upsert(page(SITE + "de.html").title("Farbe").language("de").build());
      index.upsert(page(SITE + "none.html").title("Nothing declared").language(null).build());
      index.commit(Map.of());
    }
    searcher = PageSearcher.open(dir);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aLanguageFindsItsRegionalTagsWhateverTheCaseOfEither() throws Exception {
    List<String> english = List.of(SITE + "us.html", SITE + "gb.html", SITE + "plain.html");

    assertThat(urls("lang:en")).containsExactlyInAnyOrderElementsOf(english);
    assertThat(urls("lang:EN")).containsExactlyInAnyOrderElementsOf(english);
    assertThat(urls("lang:en-us")).containsExactly(SITE + "us.html");
    assertThat(urls("lang:en-GB")).containsExactly(SITE + "gb.html");
    assertThat(urls("lang:en_GB")).containsExactly(SITE + "gb.html"); // as the page wrote it
    assertThat(urls("lang:en_g*")).containsExactly(SITE + "gb.html");
    assertThat(urls("lang:DE*")).containsExactly(SITE + "de.html");
    assertThat(urls("NOT lang:*")).containsExactly(SITE + "none.html");
  }

  @Test
  void aHostMatchesWhateverCaseTheQueryWritesItIn() throws Exception {
    assertThat(urls("host:Docs.Example")).hasSize(5);
    assertThat(urls("host:DOCS*")).hasSize(5);
    // A URL's path is case-sensitive, so url: stays as written.
    assertThat(urls("url:\"https://docs.example/US.html\"")).isEmpty();
  }

  private static List<String> urls(String query) throws Exception {
    return searcher.search(query, 10).hits().stream().map(SearchHit::url).toList();
  }
}
