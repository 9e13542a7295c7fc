package dev.sitepulse.cli.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.HostsHeldBack;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static final ProgressLine NOWHERE =
      new ProgressLine(new PrintStream(OutputStream.nullOutputStream()), "crawl");

  private static CrawlStats stats(long pages, long queued, long errors) {
    Map<String, Long> kinds = errors == 0 ? Map.of() : Map.of("TIMEOUT", errors);
    return new StatsBuilder().pages(pages, pages, queued).errors(kinds).fetched(3 << 20, Duration.ofSeconds(2))
        .build();
  }

  @Test
  void oneFetchAndOneErrorAreCountedInTheSingular() {
    assertThat(new Progress(NOWHERE).text(stats(1, 40, 1)))
        .isEqualTo("1 page, 40 queued, 0.5 pages/s, 1 error, 3.0 MiB");
  }

  @Test
  void aLinkChecksFetchesAreUrlsInThePlural() {
    assertThat(new Progress(NOWHERE, "URL").text(stats(25, 0, 2)))
        .isEqualTo("25 URLs, 0 queued, 12.5 URLs/s, 2 errors, 3.0 MiB");
  }

  private static CrawlStats heldBack(HostsHeldBack h) {
    return new StatsBuilder().pages(4, 0, 1).errors(Map.of("HTTP_503", 1L)).fetched(179, Duration.ofSeconds(300))
        .heldBack(h).build();
  }

  private static final Instant UNTIL = Instant.parse("2030-01-01T15:32:10.400Z");

  @Test
  void aHostThatAskedToWaitIsNamedWithTheTimeItsWaitEndsSoTheRunDoesNotLookHung() {
    HostsHeldBack h = new HostsHeldBack("http://127.0.0.1:8779", 503, true, UNTIL, Duration.ofMillis(289_100), 1);

    assertThat(new Progress(NOWHERE, "URL", ZoneOffset.UTC).text(heldBack(h)))
        .isEqualTo("4 URLs, 1 queued, 0.0 URLs/s, 1 error, 179 B;"
            + " http://127.0.0.1:8779 held back until 15:32:10 (4m50s more) by its 503's Retry-After");
  }

  @Test
  void aBackOffTheCrawlChoseIsSaidAsSuchAndSeveralHostsByTheLongest() {
    HostsHeldBack one = new HostsHeldBack("http://a.example", 429, false, UNTIL, Duration.ofMillis(7_200), 1);
    HostsHeldBack three = new HostsHeldBack("http://a.example", 429, false, UNTIL, Duration.ofMillis(7_200), 3);
    Progress progress = new Progress(NOWHERE, "page", ZoneOffset.ofHours(1));

    assertThat(progress.text(heldBack(one))).endsWith("; http://a.example held back until 16:32:10 (8s more) after its 429");
    assertThat(progress.text(heldBack(three))).endsWith("; 3 hosts held back by 429 or 503 answers, the longest,"
        + " http://a.example, until 16:32:10 (8s more)");
  }
}
