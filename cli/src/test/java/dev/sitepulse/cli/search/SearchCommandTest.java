package dev.sitepulse.cli.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse search` (in-process) over a one-page crawl, and over indexes that cannot answer. */
class SearchCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir static Path crawled;

  @BeforeAll
  static void crawlOnePage() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", crawled.toString(), StubServer.url(site, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
  }

  private static CommandLineRun search(Path data, String query) {
    return CommandLineRun.of("search", "--data", data.toString(), query);
  }

  @Test
  void aRegularExpressionLuceneRefusesIsOneLineAndExit3() {
    CommandLineRun run = search(crawled, "title:/re[/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot parse query \"title:/re[/\": "
        + "regular expression /re[/: unexpected end-of-string at column 11\n");
  }
}
