package dev.sitepulse.cli.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.PolitenessWait;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wait of more than a few seconds between a host's fetches is named, as a 429's is. */
class PolitenessWaitProgressTextTest {

  private static final ProgressLine NOWHERE =
      new ProgressLine(new PrintStream(OutputStream.nullOutputStream()), "crawl");

  private static CrawlStats waiting(PolitenessWait w) {
    return new StatsBuilder().pages(1, 1, 2).fetched(1024, Duration.ofSeconds(5)).politenessWait(w).build();
  }

  @Test
  void aCrawlDelayTheCrawlWaitsOutIsNamedWithItsHost() {
    PolitenessWait w = new PolitenessWait("http://127.0.0.1:8941", true, Duration.ofMillis(27_300));

    assertThat(new Progress(NOWHERE).text(waiting(w))).isEqualTo(
        "1 page, 2 queued, 0.2 pages/s, 0 errors, 1.0 KiB; waiting 28s for http://127.0.0.1:8941's Crawl-delay");
  }

  @Test
  void aLongDelayIsNamedAsTheCrawlsOwnAndAShortWaitNotAtAll() {
    PolitenessWait delay = new PolitenessWait("http://a.example", false, Duration.ofSeconds(12));
    PolitenessWait brief = new PolitenessWait("http://a.example", true, Duration.ofMillis(4_900));

    assertThat(new Progress(NOWHERE).text(waiting(delay))).endsWith("; waiting 12s for --delay before http://a.example");
    assertThat(new Progress(NOWHERE).text(waiting(brief))).endsWith(" 1.0 KiB");
  }
}
