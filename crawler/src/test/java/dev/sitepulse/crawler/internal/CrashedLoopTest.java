package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** After a crash the loop handles nothing more: crawl.db, the index and the WARC file are closing. */
class CrashedLoopTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aFetchThatComesBackAfterACrashIsLeftInFlightForTheResumeRatherThanRecorded() throws Exception {
    String seed = LinkedSite.stub(site, 1);
    String late = seed + "p0.html";
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).ignoreRobots(true).build();
    CompletableFuture<FetchResult> held = new CompletableFuture<>();
    CompletableFuture<Void> asked = new CompletableFuture<>();
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed)) {
      LoopThreads threads = parts.threads;
      Fetcher fetcher = parts.fetcher;
      CrawlLoop loop = new CrawlLoop(parts.setup(), (url, validators, maxBody) -> {
        if (!url.equals(late)) {
          return fetcher.fetch(url, validators, maxBody);
        }
        asked.complete(null);
        return held;
      });
      CompletableFuture<CrawlStats> crawl = loop.start();
      asked.get(30, TimeUnit.SECONDS);

      threads.context.runOnContext(v -> {
        throw new IllegalStateException("a bug in a handler");
      });
      assertThatThrownBy(() -> crawl.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("a bug in a handler");
      held.complete(fetcher.fetch(late, CacheValidators.NONE, config.maxBodyBytes()).get(30, TimeUnit.SECONDS));
      CompletableFuture<Void> handled = new CompletableFuture<>(); // after the fetch's own handler
      threads.context.runOnContext(v -> handled.complete(null));
      handled.get(30, TimeUnit.SECONDS);
      threads.parsers.submit(() -> {}).get(30, TimeUnit.SECONDS); // after any parse it started
      parts.db.flush().get(30, TimeUnit.SECONDS);
    }

    assertThat(CrawlDbRows.column(config.crawlDb(), "SELECT state FROM urls WHERE url = '" + late + "'"))
        .containsExactly("fetching");
  }
}
