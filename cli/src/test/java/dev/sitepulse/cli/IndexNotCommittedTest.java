package dev.sitepulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed before its first index commit leaves crawl.db recording pages as indexed and an
 * index of segment files without a commit point: search, report and analyze each say so, and that
 * running the crawl again (a resume) mends it, not --fresh.
 */
class IndexNotCommittedTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir static Path data;

  private static final String SAID = "1 page recorded as indexed is not in the search index: its crawl stopped"
      + " before it committed it (killed?); run it again, which resumes and fetches it again: sitepulse crawl"
      + " --data ";

  /** The state a kill -9 in a crawl's first seconds leaves: a page recorded, its commit point never written. */
  @BeforeAll
  static void crawlOnePageAndLoseItsCommit() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
    try (var files = Files.list(data.resolve("index"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void searchSaysNothingIsSearchableAndThatRunningTheCrawlAgainMendsItNotFresh() {
    CommandLineRun run = CommandLineRun.of("search", "--data", data.toString(), "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: nothing in " + data + " is searchable: " + SAID + data + " SEED\n");
  }

  @Test
  void reportCountsNoPageIndexedAndSaysWhyAndWhatMendsIt() {
    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(" 0 indexed, ", "\n" + SAID + data + " SEED\n");
  }

  @Test
  void analyzeSaysWhyItsTermsCoverNoPage() {
    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("== Terms over 0 indexed pages", "   " + SAID + data + " SEED\n");
  }
}
