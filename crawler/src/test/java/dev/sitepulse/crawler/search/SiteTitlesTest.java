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

/** A hit's title without the site's name every page of the site puts after its own. */
class SiteTitlesTest {
  private static final String DOCS = "https://docs.example/";
  private static final String BLOG = "https://blog.example/";
  /** Another site on the same host: its own name. */
  private static final String OTHER_PORT = "https://docs.example:8443/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwoSites() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index"), List.of(
        page(DOCS + "install.html", "Installing — Acme Docs", "install the widget"),
        page(DOCS + "config.html", "Configuring — Acme Docs", "configure the widget"),
        page(DOCS + "cache.html", "The cache - a guide — Acme Docs", "cache the widget"),
        page(DOCS + "index.html", "Acme Docs", "welcome to the widget docs"),
        page(OTHER_PORT + "a.html", "Alpha | Beta Docs", "alpha widget"),
        page(OTHER_PORT + "b.html", "Bravo | Beta Docs", "bravo widget"),
        page(OTHER_PORT + "c.html", "Charlie | Beta Docs", "charlie widget"),
        page(BLOG + "one.html", "Widgets - part one", "a widget story"),
        page(BLOG + "two.html", "Gadgets - a review", "a widget review"))));
  }

  private static IndexedPage page(String url, String title, String body) {
    return TestPages.page(url).title(title).body(body).build();
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHitNamesTheSiteMostOfItsPagesEndTheirTitlesWith() throws Exception {
    SearchHit hit = onlyHit("configure");

    assertThat(hit.site()).isEqualTo("Acme Docs");
    assertThat(hit.pageTitle()).isEqualTo("Configuring");
    assertThat(onlyHit("cache").pageTitle()).as("only the last separator").isEqualTo("The cache - a guide");
  }

  @Test
  void aSiteOnAnotherPortOfTheSameHostHasItsOwnName() throws Exception {
    assertThat(onlyHit("bravo").site()).isEqualTo("Beta Docs");
    assertThat(onlyHit("configure").site()).isEqualTo("Acme Docs");
  }

  @Test
  void thePageTitledWithTheSitesNameAloneKeepsIt() throws Exception {
    SearchHit hit = onlyHit("welcome");

    assertThat(hit.site()).isNull();
    assertThat(hit.pageTitle()).isEqualTo("Acme Docs");
  }

  @Test
  void titlesThatShareNoTailNameNoSite() throws Exception {
    assertThat(onlyHit("story").site()).isNull();
    assertThat(onlyHit("story").pageTitle()).isEqualTo("Widgets - part one");
  }

  private static SearchHit onlyHit(String query) throws InvalidQueryException {
    List<SearchHit> hits = searcher.search(query, 10).hits();
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }
}
