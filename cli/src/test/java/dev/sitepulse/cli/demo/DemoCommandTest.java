package dev.sitepulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.store.CrawlDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path data;

  @Test
  void aCrawlThatAnalyzeCannotReadIsReportedAsAnalyzeFailingNotTheCrawl() throws Exception {
    CrawlDb.open(data.resolve(CrawlDb.FILE_NAME)).close();
    // SQLite opens crawl.db-wal beside a database in WAL mode to read it; here it cannot.
    Files.createDirectory(data.resolve(CrawlDb.FILE_NAME + "-wal"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean analyzed = DemoCommand.analyze(data, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(analyzed).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\nanalyze failed: ").doesNotContain("crawl failed");
  }

  @Test
  void aSignalThatStopsTheDemosPingEndsTheDemoWith130BeforeItsCrawl() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int code = DemoCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        CompletableFuture.completedFuture("TERM"));

    assertThat(code).isEqualTo(130);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("== sitepulse ping")
        .doesNotContain("== sitepulse crawl");
  }

  @Test
  void theDemosLinkCheckRunsWithLinksDefaultsUnderTheOptionsItShows() {
    CrawlSpec spec = DemoCommand.linkCheck("http://127.0.0.1:1/site/index.html").spec();

    assertThat(spec.maxBackoff()).as("links' 30s, not crawl's 5m").isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.delay()).isEqualTo(Duration.ZERO);
    assertThat(spec.perHost()).isEqualTo(4);
    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.seeds()).containsExactly("http://127.0.0.1:1/site/index.html");
  }
}
