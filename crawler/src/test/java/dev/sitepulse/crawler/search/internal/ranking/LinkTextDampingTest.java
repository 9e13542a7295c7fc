package dev.sitepulse.crawler.search.internal.ranking;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.DocsSite;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A documentation site's index names nearly every word of the site, each as a link: on the Python
 * docs, genindex-W.html topped "walrus operator", and the library's table of contents came second
 * for "json dumps indent", above the pages that explain them.
 */
class LinkTextDampingTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAnIndexPageAndTheProseItPointsAt() {
    StringBuilder entries = new StringBuilder();
    for (String word : List.of("walrus", "warnings", "wave", "weakref", "webbrowser", "while", "with")) {
      entries.append(word).append(" operator ").append(word).append(" statement ");
    }
    List<IndexedPage> pages = List.of(
        page(SITE + "genindex-W.html").title("Index – W")
            .body(entries + " walrus operator, assignment expression").linkTextShare(0.9f).build(),
        page(SITE + "whatsnew/3.8.html").title("What's New In Python 3.8")
            .body("Assignment expressions. There is new syntax := that assigns values to variables as part"
                + " of a larger expression. It is known informally as the walrus operator, and it"
                + " helps in loops and comprehensions that would compute a value twice.")
            .linkTextShare(0.05f).build(),
        page(SITE + "library/operator.html").title("operator — Standard operators as functions")
            .body("The operator module exports functions that correspond to each operator of Python.")
            .linkTextShare(0.1f).build(),
        page(SITE + "walrus-notes.html").title("Index – W, as notes")
            .body(entries + " walrus operator, assignment expression").build(),
        page(SITE + "genindex-X.html").title("Index – X")
            .body("xml module xmlrpc module xdrlib module").linkTextShare(0.9f).build());
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), pages));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aPageOfProseRanksAboveAnIndexThatListsTheSameWords() throws Exception {
    assertThat(searcher.search("walrus operator", 10).hits()).extracting(SearchHit::url)
        .containsSubsequence(SITE + "whatsnew/3.8.html", SITE + "genindex-W.html");
  }

  @Test
  void anIndexScoresAsItsProseTwinTimesTheDampingHeadStartIncluded() throws Exception {
    // Both have every word, so both start the best score higher: that head start is damped too,
    // or an index would stay above every page without all the words however weak its own match.
    Map<String, Float> scores = new java.util.HashMap<>();
    searcher.search("walrus operator", 10).hits().forEach(hit -> scores.put(hit.url(), hit.score()));

    assertThat(scores.get(SITE + "genindex-W.html")).isCloseTo(
        (float) LinkTextDamping.factor(0.9f) * scores.get(SITE + "walrus-notes.html"), within(1e-4f));
  }

  @Test
  void anIndexIsStillFoundWhereNothingElseMatches() throws Exception {
    assertThat(searcher.search("xmlrpc", 10).hits()).extracting(SearchHit::url)
        .containsExactly(SITE + "genindex-X.html");
  }

  @Test
  void aDampedQueryEqualsTheSameQueryDampedAgainAndNotOneWeightedOtherwise() {
    // Lucene's query cache and rewrites tell queries apart by equals and hashCode.
    Query walrus = new TermQuery(new Term(PageFields.BODY, "walrus"));

    assertThat(LinkTextDamping.of(walrus)).isEqualTo(LinkTextDamping.of(walrus))
        .hasSameHashCodeAs(LinkTextDamping.of(walrus))
        .isNotEqualTo(FunctionScoreQuery.boostByValue(walrus, DoubleValuesSource.constant(1)));
  }
}
