package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Phases;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** How the crawl loop fetches a page: through the crawl's {@code Fetcher}, but in a test. */
@FunctionalInterface
interface PageFetches {

  /** As {@code Fetcher.fetch(url, validators, maxBodyBytes)}. */
  CompletableFuture<FetchResult> fetch(String url, CacheValidators validators, long maxBodyBytes);

  /**
   * What a fetch ended with: its result, or, for one that completed exceptionally (cancelled, the
   * only way a {@code Fetcher}'s future does), a failed result. Without one the loop would never
   * hear that the fetch was over, and the crawl would wait for it for ever. Its kind is the one the
   * fetcher gives a request that ended in an exception of its own: a transient failure, tried again
   * as a network failure is, that says nothing of whether the host is reachable.
   */
  static FetchResult resultOf(String url, FetchResult r, Throwable error) {
    if (r != null) {
      return r;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String message = cause instanceof CancellationException ? "fetch cancelled" : "fetch failed: " + cause;
    return new FetchResult(url, 0, null, null, new byte[0], false, null, null, Phases.NONE, ErrorKind.PROTOCOL,
        false, message);
  }
}
