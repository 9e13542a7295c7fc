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

/** {@code field:*} finds the pages with a value there, so that {@code NOT field:*} finds those without. */
class AnyValueTest {
  private static final String SITE = "https://site.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexThreePages() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page(SITE + "full.html").title("Installing widgets").description("How to install.")
          .body("Run the installer and follow its steps.").build());
      index.upsert(page(SITE + "untitled.html").body("A page someone forgot to give a title.").build());
      index.upsert(page(SITE + "bare.html").title("Release notes").body("What changed in widgets 4.").build());
      index.commit(Map.of());
    }
    searcher = PageSearcher.open(dir);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aFieldsStarFindsThePagesWithAValueThereAndNotThoseWithout() throws Exception {
    assertThat(urls("NOT title:*")).containsExactly(SITE + "untitled.html");
    assertThat(urls("NOT description:*")).containsExactlyInAnyOrder(SITE + "untitled.html", SITE + "bare.html");
    assertThat(urls("description:*")).containsExactly(SITE + "full.html");
    assertThat(urls("title:* AND widgets")).containsExactlyInAnyOrder(SITE + "full.html", SITE + "bare.html");
  }

  @Test
  void everyPageHasAUrlHostStatusAndFetchTime() throws Exception {
    for (String query : new String[] {"url:*", "host:*", "lang:*", "status:*", "fetched_at:*"}) {
      assertThat(urls(query)).as(query).hasSize(3);
    }
  }

  @Test
  void aFieldsStarMarksNoWordOfTheSnippet() throws Exception {
    List<SearchHit> hits = searcher.search("body:* AND installer", 10).hits();

    assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end())).containsExactly("installer"));
    assertThat(searcher.search("body:*", 10).hits()).allSatisfy(hit -> assertThat(hit.highlights()).isEmpty());
  }

  private static List<String> urls(String query) throws Exception {
    return searcher.search(query, 10).hits().stream().map(SearchHit::url).toList();
  }
}
