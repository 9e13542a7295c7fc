package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse crawl` (in-process) against a WireMock server, as a user reads its summary. */
class CrawlCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @Test
  void aSiteWhoseRobotsTxtAnswers503IsNotCrawledAndTheSummarySaysWhy() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503)));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>never fetched</body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("crawled 0 pages (0 indexed)")
        .contains("statuses:  none\n")
        .contains("errors:    ROBOTS_TXT: 1\n");
    assertThat(site.countRequestsMatching(get("/").build().getRequest()).getCount()).isZero();
  }
}
