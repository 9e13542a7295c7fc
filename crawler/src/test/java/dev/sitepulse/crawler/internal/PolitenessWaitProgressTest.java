package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.PolitenessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the crawl has nothing to fetch but a host's next page, which its Crawl-delay holds back,
 * its progress names the host and the wait: a quiet line of seconds must not read as a hang. The
 * loop's ticker and progress ticks are the test's, so the wait left is exact.
 */
class PolitenessWaitProgressTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private final TickedLoop loop = new TickedLoop();

  @Test
  void progressNamesTheHostWhoseCrawlDelayTheCrawlIsWaitingOutAndHowLongIsLeft() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nCrawl-delay: 20\n")));
    site.stubFor(get("/a.html").willReturn(LinkedSite.html("<title>A</title><a href=\"/b.html\">b</a>")));
    site.stubFor(get("/b.html").willReturn(LinkedSite.html("<title>B</title>")));
    String origin = "http://127.0.0.1:" + site.getPort();
    String seed = origin + "/a.html";
    BlockingQueue<CrawlStats> progress = new LinkedBlockingQueue<>();
    CrawlListener listener = new CrawlListener() {
      @Override
      public void progress(CrawlStats stats) {
        progress.add(stats);
      }
    };
    CrawlStop stop = new CrawlStop();

    loop.crawl(LinkedSite.oneAtATime(seed, data).build(), seed, listener, stop, threads -> {
      // Ticked until the seed is fetched and the host's next turn, its sitemap's or b.html's, is
      // all there is: the ticker has not moved, so that turn is the whole Crawl-delay away.
      PolitenessWait w = tick(threads, progress).politenessWait();
      for (int ticks = 1; w == null; ticks++) {
        assertThat(ticks).as("progress ticks, 10 ms apart, until the crawl waits on the host").isLessThan(6_000);
        Thread.sleep(10); // the seed's fetch and parse, which take what time they take
        w = tick(threads, progress).politenessWait();
      }
      assertThat(w.origin()).isEqualTo(origin);
      assertThat(w.crawlDelay()).isTrue();
      assertThat(w.left()).isEqualTo(Duration.ofSeconds(20));

      loop.ticker.addAndGet(Duration.ofSeconds(5).toNanos());
      assertThat(tick(threads, progress).politenessWait().left()).as("what is left of it, 5 s on")
          .isEqualTo(Duration.ofSeconds(15));
      stop.request(); // seen: no need to sit out the rest
    });

    assertThat(loop.fetchedAt).containsOnlyKeys(seed);
  }

  /** The progress the loop tells at its next tick, fired on the loop. */
  private CrawlStats tick(LoopThreads threads, BlockingQueue<CrawlStats> progress) throws InterruptedException {
    threads.context.runOnContext(v -> loop.timers.tick(1000));
    CrawlStats told = progress.poll(1, TimeUnit.MINUTES);
    assertThat(told).as("progress told on the tick").isNotNull();
    return told;
  }
}
