package dev.sitepulse.cli.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.Crawler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report of a crawled site whose pages choose their titles to do harm. */
class HostileTitlesTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @Test
  void aTitlesBidiOverrideAndC1ControlsAreShownAsReplacementCharactersNotObeyed() throws Exception {
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<!doctype html><html><head><title><script>alert(1)</script> \u202Egnp.exe\u0085\u009B31m"
            + "</title></head><body><p>A page with a hostile title.</p></body></html>")));
    Crawler.run(CrawlConfig.defaults(List.of(StubServer.url(site, "/index.html")), data).withDelay(Duration.ZERO),
        CrawlListener.NONE);
    assertThat(CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu").exitCode()).isZero();

    CommandLineRun html = CommandLineRun.of("report", "--data", data.toString(), "--format", "html");

    assertThat(html.exitCode()).as(html.toString()).isZero();
    assertThat(html.out()).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; \uFFFDgnp.exe\uFFFD\uFFFD31m</td>")
        .doesNotContain("\u202E", "\u0085", "\u009B", "<script>");
  }
}
