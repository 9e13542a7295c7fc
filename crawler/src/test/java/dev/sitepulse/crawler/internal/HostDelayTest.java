package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop fetches a host's next page only once --delay has passed since its last, by the time it
 * is given: here a ticker the test moves, so ten seconds pass without waiting for them.
 */
class HostDelayTest {

  private static final Duration DELAY = Duration.ofSeconds(10);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aHostsNextPageIsFetchedOnlyOnceItsDelayHasPassedByTheLoopsTicker() throws Exception {
    // No sitemap.xml is asked for: its read would take the host's turn by the system's time.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /sitemap.xml\n")));
    site.stubFor(get("/a.html").willReturn(LinkedSite.html("<title>A</title><a href='/b.html'>b</a>")));
    site.stubFor(get("/b.html").willReturn(LinkedSite.html("<title>B</title>")));
    String seed = "http://127.0.0.1:" + site.getPort() + "/a.html";
    String next = "http://127.0.0.1:" + site.getPort() + "/b.html";
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).delay(DELAY).build();
    AtomicLong ticker = new AtomicLong(1_000_000_000L);
    Map<String, Long> fetchedAt = new ConcurrentHashMap<>();
    HandFiredTimers timers = new HandFiredTimers();
    CrawlStats stats;
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed)) {
      LoopThreads threads = parts.threads;
      CrawlSetup setup = parts.setup(new CrawlStop(), null, WriteBacklog.MAX_ROWS_WAITING, timers, ticker::get);
      CrawlLoop loop = new CrawlLoop(setup, (url, validators, maxBody) -> {
        fetchedAt.put(url, ticker.get());
        return parts.fetcher.fetch(url, validators, maxBody);
      });
      loop.adoptIfNew(seed);
      CompletableFuture<CrawlStats> crawl = loop.start();

      HandFiredTimers.Timer wake = timers.nextSet();
      assertThat(wake.delayMs()).isEqualTo(DELAY.toMillis());
      assertThat(fetchedAt).containsOnlyKeys(seed);

      ticker.addAndGet(DELAY.minusMillis(1).toNanos());
      threads.context.runOnContext(v -> wake.fired().run());
      HandFiredTimers.Timer again = timers.nextSet();
      assertThat(again.delayMs()).as("the last millisecond").isEqualTo(1);
      assertThat(fetchedAt).containsOnlyKeys(seed);

      ticker.addAndGet(Duration.ofMillis(1).toNanos());
      threads.context.runOnContext(v -> again.fired().run());
      stats = crawl.get(30, TimeUnit.SECONDS);
    }

    assertThat(stats.pages()).isEqualTo(2);
    assertThat(fetchedAt.get(next) - fetchedAt.get(seed)).isEqualTo(DELAY.toNanos());
  }

  /** One-shot timers the test fires when it has moved the ticker; periodic ticks never fire. */
  private static final class HandFiredTimers implements LoopTimers {

    record Timer(long delayMs, Runnable fired) {}

    private final BlockingQueue<Timer> set = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public long set(long delayMs, Runnable fired) {
      set.add(new Timer(delayMs, fired));
      return ids.getAndIncrement();
    }

    @Override
    public long every(long periodMs, Runnable fired) {
      return ids.getAndIncrement();
    }

    @Override
    public void cancel(long id) {}

    /** The next one-shot timer the loop sets, once it has set it. */
    Timer nextSet() throws InterruptedException {
      Timer t = set.poll(30, TimeUnit.SECONDS);
      assertThat(t).as("a timer set within 30 s").isNotNull();
      return t;
    }
  }
}
