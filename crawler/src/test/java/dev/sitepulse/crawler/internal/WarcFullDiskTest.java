package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.store.CrawlDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A full disk ends the WARC file, not the crawl: what crawl.db and the index collect is kept. */
class WarcFullDiskTest {

  private static final int PAGES = 3;

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aDiskThatFillsUpEndsTheArchiveWhileTheCrawlRecordsEveryPageAndCountsThoseNotArchived() throws Exception {
    String seed = LinkedSite.stub(site, PAGES);
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).warc(true).build();
    List<FullDisk> disks = new ArrayList<>();
    CrawlStats stats;
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed);
        WarcSink warc = WarcSink.open(config.warcDir(), Clock.systemUTC(), UnaryOperator.identity(), file -> {
          FullDisk disk = new FullDisk(file, Long.MAX_VALUE);
          disks.add(disk);
          return disk;
        })) {
      disks.get(0).leaveRoom(50); // the warcinfo record fitted; the first response does not
      CrawlLoop loop = new CrawlLoop(parts.setup(new CrawlStop(), warc, WriteBacklog.MAX_ROWS_WAITING));
      loop.adoptIfNew(seed);

      stats = loop.start().get(30, TimeUnit.SECONDS);
    }

    Path file;
    try (Stream<Path> files = Files.list(config.warcDir())) {
      file = files.findFirst().orElseThrow();
    }
    assertThat(stats.pages()).isEqualTo(PAGES + 1);
    assertThat(stats.indexed()).isEqualTo(PAGES + 1);
    assertThat(stats.responsesNotArchived()).isEqualTo(PAGES + 1);
    assertThat(stats.warcFailure()).isEqualTo(file + ": " + FullDisk.NO_SPACE);
    assertThat(WarcFinalAnswersTest.records(config.warcDir())).containsExactly("warcinfo");
    try (Connection c = CrawlDb.readOnly(config.crawlDb());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM urls WHERE state = 'done'")) {
      assertThat(rs.getLong(1)).isEqualTo(PAGES + 1);
    }
  }
}
