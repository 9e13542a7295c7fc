package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.LoggedLines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WARC writer still busy when the crawl's end stops waiting for it closes and names its file itself. */
class WarcWriterBusyAtEndTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void aWriterStillBusyPastTheEndsWaitClosesAndRenamesItsFileOnceItsLastWriteIsDoneAndSaysSo() throws Exception {
    Path dir = data.resolve("warc");
    CountDownLatch slowDisk = new CountDownLatch(1);
    try (LoggedLines log = LoggedLines.of(WarcSink.class)) {
      WarcSink warc = WarcSink.open(dir, CLOCK, thread -> heldUntil(slowDisk, thread));
      CompletableFuture<Void> written = warc.response(WarcSinkTest.page("http://a/1"), 1000);

      warc.close(Duration.ZERO); // the end's wait is over while the write is held
      // What was said once the close completes, on the writer's thread: before, the done came after it.
      CompletableFuture<List<String>> saidWhenClosed = warc.closed().thenApply(done -> log.warnings());

      Path open = dir.resolve(WarcFileNames.whileOpen(CLOCK.instant()));
      assertThat(WarcSinkTest.names(dir)).containsExactly(open.getFileName().toString());
      slowDisk.countDown();
      written.get(30, TimeUnit.SECONDS);
      List<String> said = saidWhenClosed.get(30, TimeUnit.SECONDS);

      // Before: left open, and locked, until the JVM exited; in one JVM never closed nor renamed.
      assertThat(WarcSinkTest.names(dir)).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz");
      assertThat(WarcFinalAnswersTest.records(dir)).containsExactly("warcinfo", "response 200 http://a/1 page");
      assertThat(said).containsExactly("warc: " + open + " is still being written after the crawl's end; it is closed and renamed"
                  + " crawl-2030-01-02T12-00-00Z.warc.gz once its last write is done if this process is still running;"
                  + " else the next run with --warc cuts it back and renames it",
              "warc: " + open + " is done: closed and renamed crawl-2030-01-02T12-00-00Z.warc.gz");
    }
  }

  /** The writer's thread, each task of which waits for {@code disk}: a slow disk, or gzip fallen behind. */
  private static Executor heldUntil(CountDownLatch disk, Executor thread) {
    return task -> thread.execute(() -> {
      try {
        disk.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    });
  }
}
