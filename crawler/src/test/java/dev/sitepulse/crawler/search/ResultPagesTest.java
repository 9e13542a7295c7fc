package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.TestPages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An offset gives the next page of results: the same ranking, with no gaps and no repeats. */
class ResultPagesTest {
  private static final String SITE = "http://pages.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwelvePagesOnOneWordEachMentionedADifferentNumberOfTimes() {
    List<IndexedPage> pages = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> TestPages.page(SITE + "p" + i + ".html").title("Page " + i)
            .body(("scheduler ").repeat(i) + "and other words " + "filler ".repeat(40)).build())
        .toList();
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), pages));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void pagesOfFiveFollowOnFromEachOtherAsOneListOfTwelve() throws Exception {
    List<String> whole = urls(searcher.search("scheduler", 12, 0));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 12; offset += 5) {
      paged.addAll(urls(searcher.search("scheduler", 5, offset)));
    }

    assertThat(whole).hasSize(12);
    assertThat(paged).isEqualTo(whole);
  }

  @Test
  void aPageOfResultsStillCountsEveryMatchAndSaysWhereItStarts() throws Exception {
    SearchResults second = searcher.search("scheduler", 5, 5);

    assertThat(second.totalHits()).isEqualTo(12);
    assertThat(second.offset()).isEqualTo(5);
    assertThat(second.hits()).hasSize(5);
  }

  @Test
  void anOffsetPastTheLastMatchGivesNoHitsAndTheCount() throws Exception {
    SearchResults past = searcher.search("scheduler", 10, 40);

    assertThat(past.hits()).isEmpty();
    assertThat(past.totalHits()).isEqualTo(12);
  }

  @Test
  void anOffsetNearTheLargestIntDoesNotOverflow() throws Exception {
    assertThat(searcher.search("scheduler", Integer.MAX_VALUE, 3).hits()).hasSize(9);
  }

  private static List<String> urls(SearchResults results) {
    return results.hits().stream().map(SearchHit::url).toList();
  }
}
