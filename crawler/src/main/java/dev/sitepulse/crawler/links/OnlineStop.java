package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlStop;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A link check's stop as its work online sees it (Ctrl-C after the crawl): no new request starts
 * once it is requested (a check, a robots.txt read, a read of a page, a retry of any), and a wait
 * for requests under way ends at once. Those are abandoned: their pinger or fetcher closes,
 * interrupting them on their daemon threads, so that at most what one had sent by then reaches the
 * server, or a redirect the pinger (other sites' checks) or a robots.txt read was following in that
 * moment. What had not ended by then is reported as not checked, so that what was found is reported
 * now rather than after the slowest server.
 */
final class OnlineStop {

  private final CompletableFuture<Void> requested = new CompletableFuture<>();

  OnlineStop(CrawlStop stop) {
    stop.whenRequested(() -> requested.complete(null));
  }

  boolean isRequested() {
    return requested.isDone();
  }

  /**
   * Runs {@code action} once the stop is requested (at once if it was), on the thread that asks
   * for it, a signal handler's: it must return quickly.
   */
  void whenRequested(Runnable action) {
    requested.thenRun(action);
  }

  /**
   * What {@code request} gives, unless the stop has been requested: then nothing is asked, and
   * the future never completes, so that its target counts as {@linkplain #cutShort cut short}.
   */
  <T> CompletableFuture<T> unlessStopped(Supplier<CompletableFuture<T>> request) {
    return isRequested() ? new CompletableFuture<>() : request.get();
  }

  /** Waits until every one of {@code futures} has ended, or until the stop is requested. */
  void await(Collection<? extends CompletableFuture<?>> futures) {
    CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    // A failure is the future's own to report, by its join; here it only ends the wait.
    CompletableFuture.anyOf(all, requested).exceptionally(e -> null).join();
  }

  /**
   * Whether {@code f}, waited for with {@link #await}, did not end with a result: still under way
   * or never started, or cancelled by the stop (a pinger's check that
   * {@link dev.sitepulse.pinger.Pinger#stopSending} kept from being sent).
   */
  boolean cutShort(CompletableFuture<?> f) {
    return !f.isDone() || f.isCompletedExceptionally() && isRequested();
  }
}
