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
 * Queries and pages are read in Unicode's compatibility form (NFKC): what an input method or
 * another system writes differently, full-width letters or an accent as a combining mark, is the
 * same word.
 */
class QueryNormalizationTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexFourPages() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), List.of(
        new IndexedPage(SITE + "tokyo.html", "docs.example", "Tokyo office", List.of(),
            "Our Tokyo office opens at nine.", "", 1_700_000_000_000L, 200, "en", 0),
        new IndexedPage(SITE + "cafe.html", "docs.example", "The café", List.of(),
            "The café on the ground floor serves coffee.", "", 1_700_000_000_000L, 200, "en", 0),
        new IndexedPage(SITE + "osaka.html", "docs.example", "Branches", List.of(),
            "Our \uFF2F\uFF53\uFF41\uFF4B\uFF41 branch", "", 1_700_000_000_000L, 200, "ja", 0),
        new IndexedPage(SITE + "naive.html", "docs.example", "Bayes", List.of(),
            "A nai\u0308ve classifier", "", 1_700_000_000_000L, 200, "en", 0))));
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

  @Test
  void aPageWrittenInFullWidthLettersIsFoundByOrdinaryOnesAndShownAsWritten() throws Exception {
    SearchResults results = searcher.search("osaka", 10);

    assertThat(results.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.url()).isEqualTo(SITE + "osaka.html");
      assertThat(hit.snippet()).contains("\uFF2F\uFF53\uFF41\uFF4B\uFF41"); // Ｏｓａｋａ
      Highlight mark = hit.highlights().get(0);
      assertThat(hit.snippet().substring(mark.start(), mark.end()))
          .isEqualTo("\uFF2F\uFF53\uFF41\uFF4B\uFF41");
    });
  }

  @Test
  void aPageWritingAnAccentAsACombiningMarkIsFoundByTheAccentedLetter() throws Exception {
    SearchResults results = searcher.search("na\u00EFve", 10); // naïve, one letter

    assertThat(results.hits()).extracting(SearchHit::url).containsExactly(SITE + "naive.html");
  }

  @Test
  void aWordWithAnInvisibleMarkInItIsFoundAndMarkedAsThePageWritesIt(@TempDir Path other) throws Exception {
    // Hebrew text with a left-to-right mark after the English word, as RTL pages write them.
    String body = "\u05D6\u05D4\u05D5 \u05D3\u05E3 \u05E2\u05DC python\u200E \u05D5\u05E2\u05DC coop\u2060eration.";
    try (PageSearcher one = PageSearcher.open(DocsSite.indexInto(other, List.of(
        new IndexedPage(SITE + "he.html", "docs.example", "\u05E9\u05DC\u05D5\u05DD", List.of(), body, "",
            1_700_000_000_000L, 200, "he", 0))))) {
      for (String word : new String[] {"python", "cooperation"}) {
        SearchResults results = one.search(word, 10);

        assertThat(results.hits()).as(word).singleElement().satisfies(hit -> {
          Highlight mark = hit.highlights().get(0);
          assertThat(hit.snippet().substring(mark.start(), mark.end())).startsWith(word.substring(0, 4));
        });
      }
    }
  }

  @Test
  void aPrefixOrFuzzyWordOfInvisibleCharactersOnlyIsAWordThatFindsNothing() throws Exception {
    for (String query : new String[] {"\u202E*", "\u200F~", "tokyo \u200F*"}) {
      assertThat(searcher.search(query, 10).totalHits()).as(query).isLessThanOrEqualTo(1);
    }
  }
}
