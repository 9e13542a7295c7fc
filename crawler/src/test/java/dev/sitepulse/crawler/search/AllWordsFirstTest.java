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
        page("library/operator.html", "operator — Standard operators as functions",
            "The operator module exports functions that correspond to the operators of Python:"
                + " operator.add(x, y) is x + y. Operators for comparison, logic and sequences."),
        page("library/string.html", "string — Common string operations",
            "String operations: formatting, templates and helper functions operating on text."),
        page("library/shutil.html", "shutil — High-level file operations",
            "High-level operations on files and collections of files, such as copying."),
        page("whatsnew/3.8.html", "What's New In Python 3.8",
            filler.repeat(30) + "There is new syntax := that assigns values to variables as part of a"
                + " larger expression. It is known informally as the walrus operator. "
                + filler.repeat(30)),
        page("faq/design.html", "Design and History FAQ",
            filler.repeat(10) + "Why not a walrus? Assignment in expressions was added in 3.8."));
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
    String links = "warnings module, wave module, weakref module, while statement, with statement,"
        + " walrus operator, webbrowser module, wsgiref module, winreg module, winsound module";
    List<IndexedPage> pages = List.of(
        page("library/operator.html", "operator — Standard operators as functions",
            "The operator module exports functions that correspond to each operator of Python.", 0),
        page("genindex-W.html", "Index – W", links, 1));
    try (PageSearcher pagesSearcher = PageSearcher.open(DocsSite.indexInto(other.resolve("index"), pages))) {
      List<SearchHit> hits = pagesSearcher.search("walrus operator", 10).hits();

      assertThat(hits).extracting(SearchHit::url)
          .containsExactly(SITE + "library/operator.html", SITE + "genindex-W.html");
      assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }
  }

  private static IndexedPage page(String path, String title, String body) {
    return page(path, title, body, 0);
  }

  private static IndexedPage page(String path, String title, String body, float linkTextShare) {
    return new IndexedPage(SITE + path, "docs.example", title, List.of(), body, "", 1_700_000_000_000L, 200, "en",
        linkTextShare);
  }
}
