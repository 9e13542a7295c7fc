package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page fetch whose future completes exceptionally, as a {@code Fetcher}'s does once a caller
 * cancels it, is a failed fetch: tried again, then recorded, and the crawl ends.
 */
class CancelledFetchTest {

  private static final int PAGES = 2;

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aPageWhoseFetchesAreCancelledIsRecordedAsFailedAndTheCrawlEnds() throws Exception {
    String seed = LinkedSite.stub(site, PAGES);
    String cancelled = seed + "p0.html";
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).ignoreRobots(true).build();
    CrawlStats stats;
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed)) {
      CrawlLoop loop = new CrawlLoop(parts.setup(), (url, validators, maxBody) ->
          url.equals(cancelled) ? cancelledFetch() : parts.fetcher.fetch(url, validators, maxBody));

      stats = loop.start().get(30, TimeUnit.SECONDS);
    }

    assertThat(stats.pages()).as("the home page and the other one: a failed fetch is an error").isEqualTo(PAGES);
    assertThat(stats.errors()).isEqualTo(Map.of("PROTOCOL", 1L));
    assertThat(row("SELECT state || ' ' || error_kind || ' ' || message FROM urls WHERE url = '" + cancelled + "'"))
        .isEqualTo("failed PROTOCOL fetch cancelled");
  }

  private static CompletableFuture<FetchResult> cancelledFetch() {
    CompletableFuture<FetchResult> fetch = new CompletableFuture<>();
    fetch.cancel(false);
    return fetch;
  }

  private String row(String sql) {
    return CrawlDbRows.value(data.resolve("crawl.db"), sql);
  }
}
