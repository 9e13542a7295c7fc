package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BM25 adds up the words' scores, so one common word in a boosted title outscored a rare word and
 * the common one together: on the Python docs, "walrus operator" listed ten pages about operators
 * and operations before the one that names the walrus operator.
 */
class AllWordsFirstTest {
  private static final String SITE = "https://docs.example/";
  private static final String WHATS_NEW = SITE + "whatsnew/3.8.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesAboutOperatorsAndOnePageAboutTheWalrus() {
    String filler = "This release brings many changes to the interpreter, the standard library and"
        + " the build, listed by area with the people who made them. ";
    List<IndexedPage> pages = List.of(
        page(SITE + "library/operator.html").title("operator — Standard operators as functions")
            .body("The operator module exports functions that correspond to the operators of Python:"
                + " operator.add(x, y) is x + y. Operators for comparison, logic and sequences.").build(),
        page(SITE + "library/string.html").title("string — Common string operations")
            .body("String operations: formatting, templates and helper functions operating on text.").build(),
        page(SITE + "library/shutil.html").title("shutil — High-level file operations")
            .body("High-level operations on files and collections of files, such as copying.").build(),
        page(WHATS_NEW).title("What's New In Python 3.8")
            .body(filler.repeat(30) + "There is new syntax := that assigns values to variables as part of a"
                + " larger expression. It is known informally as the walrus operator. "
                + filler.repeat(30)).build(),
        page(SITE + "faq/design.html").title("Design and History FAQ")
            .body(filler.repeat(10) + "Why not a walrus? Assignment in expressions was added in 3.8.").build());
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), pages));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void pagesWithEveryWordRankAbovePagesWithOnlySome() throws Exception {
    SearchResults results = searcher.search("walrus operator", 10);

    // Pages with only some of the words still match, and follow.
    assertThat(results.hits()).extracting(SearchHit::url).hasSize(5).first().isEqualTo(WHATS_NEW);
    assertThat(results.totalHits()).isEqualTo(5);
    assertThat(results.hits()).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void anExplicitOrRanksByScoreAlone() throws Exception {
    assertThat(searcher.search("walrus OR operator", 1).hits())
        .extracting(SearchHit::url).containsExactly(SITE + "library/operator.html");
  }

  @Test
  void anExcludedWordStillExcludesPagesWithEveryOtherWord() throws Exception {
    assertThat(searcher.search("walrus operator -informally", 10).hits())
        .extracting(SearchHit::url).doesNotContain(WHATS_NEW).isNotEmpty();
  }

  @Test
  void anIndexWithEveryWordFallsBelowProseWithSomeWhenItsDampingOutweighsItsHeadStart(@TempDir Path other)
      throws Exception {
    // The same two pages, the index's share of link text aside: a doc value, so both searches see
    // the same term statistics, and the undamped one shows the head start damping must outweigh.
    assertThat(walrusOperatorHits(other.resolve("undamped"), 0))
        .containsExactly(SITE + "genindex-W.html", SITE + "library/operator.html");
    assertThat(walrusOperatorHits(other.resolve("damped"), 1))
        .containsExactly(SITE + "library/operator.html", SITE + "genindex-W.html");
  }

  private static List<String> walrusOperatorHits(Path dir, float indexLinkTextShare) throws Exception {
    String links = "warnings module, wave module, weakref module, while statement, with statement,"
        + " walrus operator, webbrowser module, wsgiref module, winreg module, winsound module";
    List<IndexedPage> pages = List.of(
        page(SITE + "library/operator.html").title("operator — Standard operators as functions")
            .body("The operator module exports functions that correspond to each operator of Python.").build(),
        page(SITE + "genindex-W.html").title("Index – W").body(links).linkTextShare(indexLinkTextShare).build());
    try (PageSearcher pagesSearcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), pages))) {
      return pagesSearcher.search("walrus operator", 10).hits().stream().map(SearchHit::url).toList();
    }
  }
}
