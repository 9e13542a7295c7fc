package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.FinishedCrawl;
import dev.sitepulse.crawler.HeldResponses;
import dev.sitepulse.crawler.StubSiteServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The crawl loop's periodic ticks, fired by hand rather than waited for a second of real time. */
class CrawlTimersTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder(held).build();

  @TempDir Path data;

  @Test
  void noProgressIsReportedOnceTheCrawlHasFinished() throws Exception {
    HandFiredTicks ticks = new HandFiredTicks();
    List<String> heard = new CopyOnWriteArrayList<>();
    CrawlListener listener = new CrawlListener() {
      @Override
      public void progress(CrawlStats stats) {
        heard.add("progress");
      }

      @Override
      public void finished(CrawlStats stats) {
        heard.add("finished");
        ticks.fireAll(); // every tick still set comes once more, as a slow summary would let it
      }
    };
    String seed = "http://127.0.0.1:" + site.getPort() + "/status/200";
    // The seed alone: the stub site's robots.txt names a sitemap of pages, one of them slow.
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).ignoreRobots(true).maxDepth(0)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).userAgent("sitepulse-test").build();

    CompletableFuture<FinishedCrawl> crawl;
    try (HeldResponses.Held page = held.hold("/status/200")) {
      crawl = CompletableFuture.supplyAsync(() -> {
        try {
          return CrawlRun.runKeepingRobots(config, listener, new CrawlStop(), ticks::on, java.time.Clock.systemUTC());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      page.awaitAsked();
      ticks.fireAll(); // while the page is in flight: progress is heard, as every second
    }
    crawl.get(30, TimeUnit.SECONDS);

    assertThat(heard).containsExactly("progress", "finished");
  }

  /** Vert.x's one-shot timers, but periodic ticks that fire only when told to, on the loop. */
  private static final class HandFiredTicks {
    /** Past any id Vert.x gives in a test, so that a cancel knows whose timer it is. */
    private final AtomicLong nextId = new AtomicLong(1L << 40);
    private final Map<Long, Runnable> live = new ConcurrentHashMap<>();
    private volatile Vertx vertx;

    LoopTimers on(Vertx vertx) {
      this.vertx = vertx;
      LoopTimers real = LoopTimers.on(vertx);
      return new LoopTimers() {
        @Override
        public long set(long delayMs, Runnable fired) {
          return real.set(delayMs, fired);
        }

        @Override
        public long every(long periodMs, Runnable fired) {
          long id = nextId.getAndIncrement();
          live.put(id, fired);
          return id;
        }

        @Override
        public boolean cancel(long id) {
          return live.remove(id) != null || real.cancel(id);
        }
      };
    }

    /** Runs each tick not cancelled once, on the crawl's single event loop, and waits for them. */
    void fireAll() {
      for (Runnable tick : live.values()) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(v -> {
          try {
            tick.run();
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
        done.orTimeout(1, TimeUnit.MINUTES).join(); // a bound on a loaded machine, not a speed goal
      }
    }
  }
}
