package dev.sitepulse.crawler;

import java.util.concurrent.CompletableFuture;

/**
 * A request to end a running crawl early, e.g. on Ctrl-C: the crawl starts no new fetch, lets the
 * ones in flight finish and be handled, commits, and returns its stats. What is still queued stays
 * queued in crawl.db, so running the same crawl again goes on from there. Thread-safe, and cheap
 * enough to request from a signal handler.
 */
public final class CrawlStop {

  private final CompletableFuture<Void> requested = new CompletableFuture<>();

  public void request() {
    requested.complete(null);
  }

  public boolean isRequested() {
    return requested.isDone();
  }

  /** Runs {@code action} once, when the stop is requested (at once if it already was). */
  public void whenRequested(Runnable action) {
    requested.thenRun(action);
  }
}
