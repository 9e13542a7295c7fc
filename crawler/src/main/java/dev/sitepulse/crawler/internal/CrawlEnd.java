package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlStats;
import io.vertx.core.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the crawl loop ends, on the index thread: the last commit, then its future completes with
 * the stats; or, when a handler on the loop failed, a commit of what was collected, then the future
 * fails with that error, the last commit's too when it failed while that commit was on its way.
 * Also the commits on the way, which stop once the last one is queued: the indexer is shut down
 * after it. Touched only on the event loop.
 */
final class CrawlEnd {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlEnd.class);

  private final Context context;
  private final ExecutorService indexer;
  private final IndexCommits commits;
  private final Runnable stopped;
  private final CompletableFuture<CrawlStats> finished = new CompletableFuture<>();
  private boolean stopping;
  /** A handler failed: main closes crawl.db, the index and the WARC file without waiting for the loop. */
  private boolean crashed;
  /** A handler that failed once the last commit was queued; read by that commit on the index thread. */
  private volatile Throwable crashedWhileFinishing;
  /** One commit at a time is enough: until it runs, every page handled would ask for another. */
  private boolean commitQueued;

  /**
   * @param stopped run on the loop as the crawl ends, once: cancels the loop's periodic timers, so
   *     that no progress call comes after the listener heard the crawl finished
   */
  CrawlEnd(Context context, ExecutorService indexer, IndexCommits commits, Runnable stopped) {
    this.context = context;
    this.indexer = indexer;
    this.commits = commits;
    this.stopped = stopped;
  }

  /** Completes when the crawl is over and committed, or fails with what ended it. */
  CompletableFuture<CrawlStats> future() {
    return finished;
  }

  /** Whether the last commit is queued: the loop starts nothing more. */
  boolean stopping() {
    return stopping;
  }

  /**
   * Whether a handler failed: what still comes back to the loop (a fetch, a parse) is dropped, for
   * the resources it would be recorded in are closing. A resume fetches it again.
   */
  boolean crashed() {
    return crashed;
  }

  /** A commit that fails (crawl.db lost a batch) ends the crawl: nothing after it could be kept. */
  void commitSoon() {
    // Once stopping, the final commit is queued; after it the indexer is shut down, and a timer
    // that fires in the moments before Vert.x closes would have it refuse the task.
    if (commitQueued || stopping) {
      return;
    }
    commitQueued = true;
    indexer.execute(() -> {
      try {
        commits.commit();
        context.runOnContext(v -> commitQueued = false);
      } catch (Throwable e) { // an Error too, which would otherwise die with the indexer's task unseen
        context.runOnContext(v -> crash(e));
      }
    });
  }

  /**
   * The crawl is over: the last commit, then the future completes with {@code stats}, or fails
   * with a crash that came meanwhile.
   */
  void finish(CrawlStats stats) {
    stop();
    indexer.execute(() -> {
      try {
        commits.commit();
      } catch (Throwable e) { // an Error too: main waits on this future, and nothing else completes it
        Throwable crash = crashedWhileFinishing;
        if (crash != null && crash != e) {
          crash.addSuppressed(e);
        }
        finished.completeExceptionally(crash != null ? crash : e);
        return;
      }
      Throwable crash = crashedWhileFinishing; // read after the commit: one that came during it counts
      if (crash != null) {
        finished.completeExceptionally(crash);
      } else {
        finished.complete(stats);
      }
    });
  }

  /**
   * A bug in a handler on the loop must end the crawl, not leave it waiting for work that will
   * never come back: commit what is there, so nothing collected is lost, and fail.
   */
  void crash(Throwable error) {
    LOG.debug("crawl loop failed", error); // the trace, with -v; the CLI prints one line
    boolean first = !crashed;
    crashed = true;
    if (stopping) {
      // Finishing already: the final commit, queued, keeps what was collected, then fails the crawl
      // with this as a crash before it would. (A crash's own commit fails it with the first.)
      if (first) {
        crashedWhileFinishing = error;
      }
      return;
    }
    stop();
    indexer.execute(() -> {
      try {
        commits.commit();
      } catch (Throwable e) { // an Error too, kept with the failure rather than thrown past it
        // A crawl.db batch that failed fails every commit after it with the same exception, which
        // may be the error itself: a Throwable cannot suppress itself.
        if (e != error) {
          error.addSuppressed(e);
        }
      } finally {
        finished.completeExceptionally(error); // whatever the commit threw, main must not wait on
      }
    });
  }

  private void stop() {
    stopping = true;
    stopped.run();
  }
}
