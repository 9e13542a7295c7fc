package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query is read in Unicode's compatibility form (NFKC): what an input method or another system
 * types differently from the page, full-width letters or an accent as a combining mark, is the
 * same word.
 */
class QueryNormalizationTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwoPages() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), List.of(
        new IndexedPage(SITE + "tokyo.html", "docs.example", "Tokyo office", List.of(),
            "Our Tokyo office opens at nine.", "", 1_700_000_000_000L, 200, "en", 0),
        new IndexedPage(SITE + "cafe.html", "docs.example", "The café", List.of(),
            "The café on the ground floor serves coffee.", "", 1_700_000_000_000L, 200, "en", 0))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void fullWidthLettersFindTheWordInOrdinaryLetters() throws Exception {
    SearchResults results = searcher.search("\uFF34\uFF4F\uFF4B\uFF59\uFF4F", 10); // Ｔｏｋｙｏ

    assertThat(results.hits()).extracting(SearchHit::url).containsExactly(SITE + "tokyo.html");
  }

  @Test
  void anAccentTypedAsACombiningMarkFindsTheWordWrittenWithTheAccentedLetter() throws Exception {
    SearchResults results = searcher.search("cafe\u0301", 10);

    assertThat(results.hits()).extracting(SearchHit::url).containsExactly(SITE + "cafe.html");
  }

  @Test
  void aFullWidthColonStillNamesAField() throws Exception {
    SearchResults results = searcher.search("title\uFF1Aoffice", 10); // title：office

    assertThat(results.hits()).extracting(SearchHit::url).containsExactly(SITE + "tokyo.html");
  }
}
