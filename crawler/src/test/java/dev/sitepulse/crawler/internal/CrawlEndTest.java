package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However the last commit fails, the crawl's future says so: main waits on it. */
class CrawlEndTest {

  @TempDir Path dir;

  @Test
  void anErrorInTheLastCommitFailsTheCrawlInsteadOfLeavingMainWaitingForEver() throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService indexer = Executors.newSingleThreadExecutor();
    try (CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
        PageIndex index = PageIndex.open(dir.resolve("index"))) {
      // The commit hands part of its flush to this helper, whose failure it does not catch.
      Executor failing = task -> {
        throw new OutOfMemoryError("Java heap space");
      };
      IndexCommits commits = new IndexCommits(index, db, 0, failing);
      commits.nextSeq(); // a page to commit
      CrawlEnd end = new CrawlEnd(vertx.getOrCreateContext(), indexer, commits, () -> {});

      end.finish(new Counters().snapshot(0, 0, Duration.ZERO, null, 0, null, null));

      assertThatThrownBy(() -> end.future().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(OutOfMemoryError.class);
    } finally {
      indexer.shutdownNow();
      vertx.close();
    }
  }
}
