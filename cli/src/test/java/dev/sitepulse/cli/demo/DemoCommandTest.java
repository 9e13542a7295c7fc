package dev.sitepulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.store.CrawlDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
