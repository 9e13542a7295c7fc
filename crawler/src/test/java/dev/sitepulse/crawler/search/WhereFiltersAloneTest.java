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

/** A query of where-filters alone lists the pages they allow, as a site's own order has them. */
class WhereFiltersAloneTest {
  private static final String SITE = "https://docs.example/";
  private static final String OTHER = "https://blog.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexPagesInTheOrderACrawlMightFetchThem() {
    List<IndexedPage> fetched = List.of(
        page(SITE + "b/deep/page.html", "en"),
        page(OTHER + "post.html", "de"),
        page(SITE + "z.html", "de"),
        page(SITE + "a/x.html", "de"),
        page(SITE, "en"),
        page(SITE + "a.html", "en"),
        page(SITE + "a/y.html", "de"),
        page(SITE + "a/index.html", "en"),
        page(SITE + "b/index.html?page=2", "en"));
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), fetched));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHostAloneListsItsPagesFromItsHomePageDownTheirPathsEachFolderFromItsIndexNotInTheOrderTheyWereFetched() throws Exception {
    assertThat(urls("host:docs.example", 20)).containsExactly(SITE, SITE + "a.html", SITE + "z.html",
        SITE + "a/index.html", SITE + "a/x.html", SITE + "a/y.html", SITE + "b/index.html?page=2",
        SITE + "b/deep/page.html");
  }

  @Test
  void aShortListingIsTheStartOfTheWholeOneAndCountsEveryPage() throws Exception {
    SearchResults first = searcher.search("host:docs.example", 2);

    assertThat(first.hits()).extracting(SearchHit::url).containsExactly(SITE, SITE + "a.html");
    assertThat(first.totalHits()).isEqualTo(8);
  }

  @Test
  void filtersOnTwoFieldsBothApplyAsTheyDoBesideWords() throws Exception {
    assertThat(urls("host:docs.example lang:de", 20)).containsExactly(SITE + "z.html", SITE + "a/x.html", SITE + "a/y.html");
  }

  @Test
  void valuesOfOneFieldAreAlternatives() throws Exception {
    assertThat(urls("host:docs.example host:blog.example", 20)).hasSize(9).startsWith(OTHER + "post.html", SITE);
  }

  @Test
  void anOperatorWrittenOutIsReadAsWritten() throws Exception {
    assertThat(urls("host:blog.example OR lang:en", 20))
        .containsExactly(OTHER + "post.html", SITE, SITE + "a.html", SITE + "a/index.html",
            SITE + "b/index.html?page=2", SITE + "b/deep/page.html");
  }

  @Test
  void starColonStarListsEveryPageAsAFieldAloneDoes() throws Exception {
    assertThat(urls("*:*", 20)).hasSize(9).startsWith(OTHER + "post.html", SITE, SITE + "a.html");
  }

  @Test
  void aStopWordBesideAFilterThatNamesADefinitionFindsItThereNotEveryPage(@TempDir Path other) throws Exception {
    List<IndexedPage> pages = List.of(page(SITE + "a.html", "en"),
        TestPages.page(SITE + "statements.html").title("Compound statements").body("The for statement iterates.")
            .anchors(java.util.Set.of("for")).definitionIds(java.util.Set.of("for")).build());
    try (PageSearcher searcher = PageSearcher.open(DocsSite.indexInto(other.resolve("index"), pages))) {
      assertThat(searcher.search("host:docs.example for", 10).hits()).extracting(SearchHit::link)
          .containsExactly(SITE + "statements.html#for");
    }
  }

  private static IndexedPage page(String url, String language) {
    return TestPages.page(url).title("Page " + url).body("some words").language(language).build();
  }

  private static List<String> urls(String query, int limit) throws InvalidQueryException {
    return searcher.search(query, limit).hits().stream().map(SearchHit::url).toList();
  }
}
