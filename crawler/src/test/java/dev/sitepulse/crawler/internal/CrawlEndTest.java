package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However the last commit fails, or a handler meanwhile, the crawl's future says so: main waits on it. */
class CrawlEndTest {

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService indexer = Executors.newSingleThreadExecutor();
  private CrawlDb db;
  private PageIndex index;

  @BeforeEach
  void open() throws Exception {
    db = CrawlDb.open(dir.resolve("crawl.db"));
    index = PageIndex.open(dir.resolve("index"));
  }

  @AfterEach
  void close() throws Exception {
    indexer.shutdownNow();
    vertx.close();
    try (PageIndex i = index; CrawlDb d = db) {
      // both closed, the second even if the first fails
    }
  }

  @Test
  void anErrorInTheLastCommitFailsTheCrawlInsteadOfLeavingMainWaitingForEver() throws Exception {
    // The commit hands part of its flush to this helper, whose failure it does not catch.
    Executor failing = task -> {
      throw new OutOfMemoryError("Java heap space");
    };
    IndexCommits commits = new IndexCommits(index, db, 0, failing);
    commits.nextSeq(); // a page to commit
    CrawlEnd end = new CrawlEnd(vertx.getOrCreateContext(), indexer, commits, () -> {});

    end.finish(new Counters().snapshot(0, 0, Duration.ZERO, null, 0, null, null, 0));

    // The minute bounds a crawl end that never comes, on a machine as loaded as it gets: no speed goal.
    assertThatThrownBy(() -> end.future().get(1, TimeUnit.MINUTES))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void aCrashWhileTheLastCommitIsOnItsWayFailsTheCrawlOnceThatCommitKeptWhatWasCollected() throws Exception {
    IndexCommits commits = new IndexCommits(index, db, 0, Runnable::run);
    commits.nextSeq(); // a page to commit
    CrawlEnd end = new CrawlEnd(vertx.getOrCreateContext(), indexer, commits, () -> {});
    CountDownLatch busy = new CountDownLatch(1);
    indexer.execute(() -> { // the index thread is busy: the last commit waits its turn
      try {
        busy.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    end.finish(new Counters().snapshot(0, 0, Duration.ZERO, null, 0, null, null, 0));
    end.crash(new IllegalStateException("a bug in a handler"));
    busy.countDown();

    assertThatThrownBy(() -> end.future().get(1, TimeUnit.MINUTES))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("a bug in a handler");
    assertThat(IndexCommits.committedSeq(index)).isEqualTo(1);
  }
}
