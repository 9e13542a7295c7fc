package dev.sitepulse.crawler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A request to end a running crawl early, e.g. on Ctrl-C: the crawl starts no new fetch, gives the
 * ones in flight {@link #GRACE} to finish and be handled, cuts those still waiting for an answer,
 * commits, and returns its stats. What is still queued (the fetches cut too) stays queued in
 * crawl.db, so running the same crawl again goes on from there. Thread-safe, and cheap enough to
 * request from a signal handler.
 */
public final class CrawlStop {

  /**
   * How long the fetches in flight have to finish once a stop is requested: most pages answer
   * within it, and a server that hangs would otherwise hold the stop up to --timeout (30 s, or
   * more by choice).
   */
  public static final Duration GRACE = Duration.ofSeconds(2);

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
