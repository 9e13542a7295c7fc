package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitepulse crawl URL && sitepulse search ...}: a crawl that could fetch nothing at all fails,
 * while one that fetched something exits 0 whatever errors it met on the way.
 */
class NothingFetchedIT {

  /** Nothing listens on port 1 of loopback: every connection is refused. */
  private static final String NOBODY = "http://127.0.0.1:1/";

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path work;

  @Test
  void aCrawlWhoseOnlySeedCannotBeReachedExitsTwoAfterItsSummary() throws Exception {
    JarProcess.Result r = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--fresh", "--data",
        work.resolve("data").toString(), NOBODY);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).as(r.toString()).contains("left:      1 URL queued (1 on 1 host whose robots.txt could not be read)");
    assertThat(r.err()).as(r.toString())
        .contains("sitepulse: nothing was fetched: no page of this crawl got an answer");
  }

  @Test
  void aCrawlWithoutRobotsTxtWhoseOnlySeedFailsExitsTwo() throws Exception {
    JarProcess.Result r = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--fresh", "--ignore-robots",
        "--data", work.resolve("data").toString(), NOBODY);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).as(r.toString()).contains("errors:    CONNECT_REFUSED: 1");
  }

  @Test
  void aCrawlWhoseSeedRobotsTxtDisallowsExitsTwo() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /\n")));
    JarProcess.Result r = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--fresh", "--data",
        work.resolve("data").toString(), StubServer.url(site, "/"));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).as(r.toString()).contains("1 blocked by robots.txt");
  }

  @Test
  void aCrawlThatFetchedOneSeedAndNotAnotherExitsZero() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<title>Up</title>")));
    JarProcess.Result r = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--fresh", "--data",
        work.resolve("data").toString(), StubServer.url(site, "/"), NOBODY);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).as(r.toString()).contains("crawled 1 page (1 indexed)");
    assertThat(r.err()).as(r.toString()).doesNotContain("nothing was fetched");
  }

  @Test
  void aCrawlThatStopsAtMaxPagesWithItsSeedToTryAgainAfterA503ExitsZero() throws Exception {
    // The server answered, and the run stopped where --max-pages said: no failure to report.
    site.stubFor(get("/").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    JarProcess.Result r = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--fresh", "--max-pages", "1",
        "--data", work.resolve("data").toString(), StubServer.url(site, "/"));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).as(r.toString()).contains("left:      1 URL queued");
    assertThat(r.err()).as(r.toString()).doesNotContain("nothing was fetched");
  }

  @Test
  void aResumeWithNothingLeftToFetchExitsZero() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<title>Up</title>")));
    String data = work.resolve("data").toString();
    JarProcess.Result first = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--data", data, StubServer.url(site, "/"));
    assertThat(first.exitCode()).as(first.toString()).isZero();

    JarProcess.Result again = JarProcess.java(Duration.ofSeconds(60), work, "crawl", "--data", data, StubServer.url(site, "/"));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).as(again.toString()).contains("crawled 0 pages");
  }
}
