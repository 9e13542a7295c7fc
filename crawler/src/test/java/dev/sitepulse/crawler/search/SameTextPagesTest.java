package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.TestPages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One page at two URLs, its bytes different but not what it reads as, takes one place in a result list. */
class SameTextPagesTest {
  private static final String BOOK = "http://book.example/";
  private static final String CHAPTER_ONE = "The Book - The Book";
  private static final String TEXT = "Welcome to the book about ownership and borrowing.";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexABookWhoseIndexCopiesItsFirstChapter() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), List.of(
        page(BOOK + "title-page.html", CHAPTER_ONE, TEXT), // first: of equal scores, Lucene ranks it first
        page(BOOK + "index.html", CHAPTER_ONE, TEXT),
        page(BOOK + "foreword.html", CHAPTER_ONE, TEXT + " A foreword."),
        page(BOOK + "print.html", "Print - The Book", TEXT),
        page(BOOK + "app/one", "The Book", ""),
        page(BOOK + "app/two", "The Book", ""))));
  }

  private static IndexedPage page(String url, String title, String body) {
    return TestPages.page(url).title(title).body(body).build();
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aCopyOfAPageAtAnotherUrlIsNotShownTwice() throws Exception {
    List<String> urls = searcher.search("ownership", 10).hits().stream().map(SearchHit::url).toList();

    assertThat(urls).as("of the copies, the shorter URL").containsExactlyInAnyOrder(
        BOOK + "index.html", BOOK + "foreword.html", BOOK + "print.html");
  }

  @Test
  void pagesWithoutTextAreNotTakenForOne() throws Exception {
    // Shells a script fills in: what they hold is unknown.
    assertThat(searcher.search("url:" + BOOK.replace(":", "\\:").replace("/", "\\/") + "app*", 10).hits())
        .extracting(SearchHit::url).containsExactlyInAnyOrder(BOOK + "app/one", BOOK + "app/two");
  }

  @Test
  void eachCopyIsStillFoundByItsOwnUrl() throws Exception {
    assertThat(searcher.search("url:\"" + BOOK + "title-page.html\"", 10).hits())
        .extracting(SearchHit::url).containsExactly(BOOK + "title-page.html");
  }
}
