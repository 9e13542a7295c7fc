package dev.sitepulse.cli.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private static String left(long unreachableHosts, long backedOffHosts, long leftOnThem, long queued) {
    return left(unreachableHosts, backedOffHosts, 0, leftOnThem, queued);
  }

  private static String left(long unreachableHosts, long backedOffHosts, long hostsWithoutRobotsTxt,
      long leftOnThem, long queued) {
    CrawlStats s = new StatsBuilder().pages(3, 3, queued).statuses(Map.of(429, 1L)).fetched(1024, Duration.ofSeconds(1))
        .hostsGivenUp(unreachableHosts, backedOffHosts, hostsWithoutRobotsTxt, leftOnThem).build();
    return leftLine(s);
  }

  private static String leftLine(CrawlStats s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary.print(s, CrawlConfig.defaults(List.of("http://127.0.0.1/"), Path.of("d")), null,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("left:")).findFirst().orElse("");
  }

  private static String leftWithSitemapsUnread(long queued, long hosts) {
    CrawlStats s = new StatsBuilder().pages(1, 1, queued).statuses(Map.of(200, 1L)).fetched(1024, Duration.ofSeconds(1))
        .hostsWithSitemapsUnread(hosts).build();
    return leftLine(s);
  }

  @Test
  void aStopThatCutFetchesInFlightSaysHowManyBesideTheSignal() {
    CrawlStats s = new StatsBuilder().pages(1, 1, 3).statuses(Map.of(200, 1L)).fetched(1024, Duration.ofSeconds(1))
        .cutAtStop(2).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Summary.print(s, CrawlConfig.defaults(List.of("http://127.0.0.1/"), Path.of("d")), "SIGINT",
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("left:      3 URLs queued (stopped by SIGINT; 2 fetches"
        + " in flight cut after 2s); run again to continue\n");
  }

  @Test
  void sitemapsTheLimitLeftUnreadSaySoWithNothingQueuedAndBesideTheQueue() {
    assertThat(leftWithSitemapsUnread(0, 1))
        .isEqualTo("left:      the sitemaps of 1 host not read to their end (limit reached); run again to continue");
    assertThat(leftWithSitemapsUnread(3, 2)).isEqualTo("left:      3 URLs queued (limit reached), and the sitemaps"
        + " of 2 hosts not read to their end; run again to continue");
  }

  @Test
  void sitemapsLeftUnreadBesideUrlsAllOnHostsGivenUpOnSayWhatLeftThemUnread() {
    CrawlStats s = new StatsBuilder().pages(3, 3, 34).statuses(Map.of(200, 3L)).fetched(1024, Duration.ofSeconds(1))
        .hostsGivenUp(1, 0, 0, 34).hostsWithSitemapsUnread(2).build();

    assertThat(leftLine(s)).isEqualTo("left:      34 URLs queued (34 on 1 host that stopped answering), and the"
        + " sitemaps of 2 hosts not read to their end (limit reached); run again to continue");
  }

  @Test
  void aSitemapLeftUnreadWithItsHostsRobotsTxtIsLeftAloneOrBesideTheQueue() {
    // Its host's robots.txt could not be read: a later run reads it, yet no line said it was left.
    CrawlStats alone = new StatsBuilder().pages(1, 1, 0).statuses(Map.of(200, 1L)).fetched(1024, Duration.ofSeconds(1))
        .hostsGivenUp(0, 0, 1, 0).sitemapsOnHostsWithoutRobotsTxt(1).build();
    assertThat(leftLine(alone)).isEqualTo("left:      1 sitemap on a host whose robots.txt could not be read or asked to"
        + " wait past --max-backoff; run again to continue");

    CrawlStats beside = new StatsBuilder().pages(1, 1, 4).statuses(Map.of(200, 1L)).fetched(1024, Duration.ofSeconds(1))
        .hostsGivenUp(0, 0, 2, 4).sitemapsOnHostsWithoutRobotsTxt(2).build();
    assertThat(leftLine(beside)).isEqualTo("left:      4 URLs queued (4 on 2 hosts whose robots.txt could not be read),"
        + " and 2 sitemaps on hosts whose robots.txt could not be read or asked to wait past --max-backoff;"
        + " run again to continue");
  }

  @Test
  void urlsLeftOnAHostThatKeptAskingToWaitSaySo() {
    assertThat(left(0, 1, 2, 2))
        .isEqualTo("left:      2 URLs queued (2 on 1 host that kept asking to wait past --max-backoff); run again to continue");
  }

  @Test
  void hostsGivenUpOnForEitherReasonAreNamedTogether() {
    assertThat(left(1, 2, 7, 9)).isEqualTo("left:      9 URLs queued (7 on 1 host that stopped answering and 2 hosts"
        + " that kept asking to wait past --max-backoff, limit reached); run again to continue");
  }

  @Test
  void responsesTheWarcFileDoesNotHoldAreOneLineNamingTheFileAndWhy() {
    CrawlStats s = new StatsBuilder().pages(12, 12, 0).statuses(Map.of(200, 12L)).fetched(1024, Duration.ofSeconds(1))
        .notArchived(12, "/x/warc/crawl-2030-01-02T12-00-00Z.warc.gz: No space left on device").build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary.print(s, CrawlConfig.defaults(List.of("http://127.0.0.1/"), Path.of("d")), null,
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("warc:"))).containsExactly(
        "warc:      12 responses not archived: /x/warc/crawl-2030-01-02T12-00-00Z.warc.gz: No space left on device");
  }

  @Test
  void urlsLeftOnAHostWhoseRobotsTxtCouldNotBeReadSaySo() {
    assertThat(left(0, 0, 1, 4, 4))
        .isEqualTo("left:      4 URLs queued (4 on 1 host whose robots.txt could not be read); run again to continue");
  }
}
