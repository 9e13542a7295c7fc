package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hit links to the part of the page its snippet comes from, as a reader would scroll to it. */
class SectionLinksTest {
  private static final String GUIDE = "https://docs.example/guide.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAParsedGuide() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), GUIDE, """
        <html><head><title>Deployment guide</title></head><body>
        <h1>Deployment guide</h1><p>How to ship the site.</p>
        <section id="github-pages"><h2>GitHub Pages</h2><p>Push the build to the gh-pages branch.</p></section>
        <section id="netlify"><h2>Netlify</h2><p>Connect the repository; every push deploys a preview.</p>
        <dl><dt id="deploy.retries">retries</dt><dd>How often a failed upload is tried again.</dd></dl>
        <h3>Environment</h3><p>Set secrets in the dashboard.</p>
        </section>
        <section id="caching"><span id="id7"></span><h2>Caching</h2><p>Assets may be served stale for a while.</p></section>
        <section id="cdn"><h2>CDN</h2><p>The CDN keeps stale assets; purge stale files, or stale pages stay stale.</p></section>
        </body></html>"""));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aHitLinksToTheSectionItsSnippetComesFrom() throws Exception {
    assertThat(onlyHit("gh-pages branch").link()).isEqualTo(GUIDE + "#github-pages");
    assertThat(onlyHit("preview").link()).isEqualTo(GUIDE + "#netlify");
    assertThat(onlyHit("preview").definition()).as("no name typed").isFalse();
  }

  @Test
  void theLinkGoesToTheBestPassageNotTheFirstInPageOrder() throws Exception {
    SearchHit hit = onlyHit("stale");

    assertThat(hit.snippet()).as("page order").startsWith("Caching Assets may be served stale");
    assertThat(hit.link()).isEqualTo(GUIDE + "#cdn");
  }

  @Test
  void aSectionsOwnIdIsTheLinkNotTheLabelSphinxWritesBeforeItsHeading() throws Exception {
    assertThat(onlyHit("served").link()).isEqualTo(GUIDE + "#caching");
  }

  @Test
  void aSubheadingWithoutAnIdLinksToTheSectionAroundIt() throws Exception {
    assertThat(onlyHit("dashboard").link()).isEqualTo(GUIDE + "#netlify");
  }

  @Test
  void aDefinitionsDescriptionLinksToTheDefinition() throws Exception {
    assertThat(onlyHit("failed upload").anchor()).isEqualTo("deploy.retries");
  }

  @Test
  void aMatchInTheTitleOrTheIntroductionLinksToThePageItself() throws Exception {
    assertThat(onlyHit("title:deployment").link()).isEqualTo(GUIDE);
    assertThat(onlyHit("ship").link()).isEqualTo(GUIDE);
  }

  private static SearchHit onlyHit(String query) throws InvalidQueryException {
    List<SearchHit> hits = searcher.search(query, 10).hits();
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }
}
