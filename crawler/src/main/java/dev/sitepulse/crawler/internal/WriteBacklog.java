package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.CrawlDb;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows waiting for crawl.db's writer, as the crawl's event loop sees them: past a limit, the loop
 * starts no fetch and queues no more of a sitemap until the writer catches up, so a slow disk slows
 * the crawl rather than filling memory. The loop never waits on the writer: it asks for a flush and
 * goes on once that completes. Confined to the loop.
 */
final class WriteBacklog {

  /**
   * Rows waiting past which the loop holds back: some 10 MB of links and URLs, and a few hundred
   * pages' worth, which SQLite on a working disk commits in well under a second.
   */
  static final long MAX_ROWS_WAITING = 50_000;

  private final CrawlDb db;
  private final Context context;
  private final long maxRowsWaiting;
  private List<Runnable> waiting = new ArrayList<>();

  WriteBacklog(CrawlDb db, Context context, long maxRowsWaiting) {
    this.db = db;
    this.context = context;
    this.maxRowsWaiting = maxRowsWaiting;
  }

  /** Whether the writer is behind: the loop then holds back until {@link #afterCatchUp}. */
  boolean behind() {
    return db.rowsWaiting() > maxRowsWaiting;
  }

  /**
   * Runs {@code then} on the loop once the writes submitted so far are committed (or lost: the
   * crawl's next commit reports that). One flush serves every caller waiting meanwhile.
   */
  void afterCatchUp(Runnable then) {
    waiting.add(then);
    if (waiting.size() == 1) {
      db.flush().whenComplete((v, lost) -> context.runOnContext(x -> {
        List<Runnable> caughtUp = waiting;
        waiting = new ArrayList<>();
        caughtUp.forEach(Runnable::run);
      }));
    }
  }
}
