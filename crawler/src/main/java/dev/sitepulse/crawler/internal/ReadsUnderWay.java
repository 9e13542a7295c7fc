package dev.sitepulse.crawler.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The robots.txt and sitemap reads of a crawl, as its loop counts them: each is outstanding work
 * from {@link #started} to {@link #done}, so the crawl cannot end while one is waiting or in
 * flight; and once the crawl ends early, {@link #abandon} cancels the fetches under way and no
 * new read starts. Confined to the crawl's event loop.
 */
final class ReadsUnderWay {

  private final Runnable readStarted;
  private final Runnable readDone;
  /** The fetches of the reads under way, robots.txt and sitemaps alike, for a stop to abandon. */
  private final Set<CompletableFuture<?>> fetching = new HashSet<>();
  private boolean abandoned;

  /**
   * @param readStarted run on the loop as a read starts
   * @param readDone run on the loop once a read's rules or pages are in the frontier, so the loop
   *     can fetch them, or finish
   */
  ReadsUnderWay(Runnable readStarted, Runnable readDone) {
    this.readStarted = readStarted;
    this.readDone = readDone;
  }

  void started() {
    readStarted.run();
  }

  void done() {
    readDone.run();
  }

  /** A fetch of a read under way, until {@link #fetched}: an abandon cancels it. */
  void fetching(CompletableFuture<?> fetch) {
    fetching.add(fetch);
  }

  void fetched(CompletableFuture<?> fetch) {
    fetching.remove(fetch);
  }

  /** Whether the crawl ended early: no read starts, and one that ends unfinished is cut. */
  boolean abandoned() {
    return abandoned;
  }

  /** Cancels the fetches under way; each still ends as a read done, on the loop. */
  void abandon() {
    abandoned = true;
    List.copyOf(fetching).forEach(f -> f.cancel(false));
  }
}
