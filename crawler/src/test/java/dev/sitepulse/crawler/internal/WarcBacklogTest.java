package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import io.vertx.core.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A WARC writer that falls behind slows the crawl: bodies waiting for it are bounded. */
class WarcBacklogTest {

  private static final int PAGES = 12;
  /** The loop's parse backlog with one parse thread, which bounds the WARC records waiting too. */
  private static final int BACKLOG = 4;

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void whileTheWarcWriterIsBehindNoFetchStartsAndTheCrawlGoesOnOnceItCatchesUp() throws Exception {
    String seed = LinkedSite.stub(site, PAGES);
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).maxBodyBytes(1 << 20).warc(true).build();
    HeldTasks held = new HeldTasks(BACKLOG);
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed);
        WarcSink warc = WarcSink.open(config.warcDir(), Clock.systemUTC(), held::wrapping)) {
      Frontier frontier = parts.frontier;
      Context context = parts.threads.context;
      CrawlLoop loop = new CrawlLoop(parts.setup(new CrawlStop(), warc, WriteBacklog.MAX_ROWS_WAITING));
      loop.adoptIfNew(seed);

      CompletableFuture<CrawlStats> crawl = loop.start();
      assertThat(held.held.await(30, TimeUnit.SECONDS)).as("the writer holds a full backlog").isTrue();
      // The loop handed the last of them over in one step with its next poll: once that step is
      // over, it has started no fetch, nor any since.
      CompletableFuture<String> state = new CompletableFuture<>();
      context.runOnContext(v -> state.complete(held.count() + " waiting, " + frontier.inFlight() + " in flight"));
      // The minute bounds a loop that never gets to the step, on a loaded machine: no speed goal.
      assertThat(state.get(1, TimeUnit.MINUTES)).isEqualTo(BACKLOG + " waiting, 0 in flight");

      held.release();
      assertThat(crawl.get(30, TimeUnit.SECONDS).pages()).isEqualTo(PAGES + 1);
    }
  }
}
