package dev.sitepulse.crawler.robots;

import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Fetching a host's robots.txt, for the crawl and for a link check's own checks online. */
public final class RobotsTxt {

  /** RFC 9309 asks a crawler to follow at least five redirects. */
  private static final int MAX_REDIRECTS = 5;

  private RobotsTxt() {}

  /**
   * The robots.txt of {@code origin} ({@code http://host:port}), following redirects (http to
   * https, bare host to www are common). A server's failure is a failed {@link FetchResult}; the
   * future completes exceptionally only when cancelled, or when a hop cannot be fetched at all (a
   * closed fetcher refuses it) or fails with a bug. Cancelling it cancels the request under way,
   * whichever hop it is.
   */
  public static CompletableFuture<FetchResult> fetch(Fetcher fetcher, String origin) {
    return fetch(fetcher::fetch, origin);
  }

  /** As {@link #fetch(Fetcher, String)}, each hop fetched by {@code hops}. */
  static CompletableFuture<FetchResult> fetch(Function<String, CompletableFuture<FetchResult>> hops, String origin) {
    CompletableFuture<FetchResult> read = new CompletableFuture<>();
    follow(hops, origin + "/robots.txt", MAX_REDIRECTS, read);
    return read;
  }

  private static void follow(Function<String, CompletableFuture<FetchResult>> hops, String url, int hopsLeft,
      CompletableFuture<FetchResult> read) {
    CompletableFuture<FetchResult> hop;
    try {
      hop = hops.apply(url);
    } catch (RuntimeException refused) { // a closed fetcher's RejectedExecutionException
      read.completeExceptionally(refused);
      return;
    }
    read.whenComplete((r, e) -> hop.cancel(false)); // done, or abandoned by the crawl
    hop.whenComplete((r, e) -> {
      if (e != null) {
        // Once read is done, this is the cancel above, and completing it again does nothing.
        read.completeExceptionally(e);
        return;
      }
      if (hopsLeft > 0 && r.location() != null && r.status() >= 300 && r.status() < 400) {
        String next = LinkRules.PLAIN.resolveRedirect(url, r.location());
        if (next != null) {
          follow(hops, next, hopsLeft - 1, read);
          return;
        }
      }
      read.complete(r);
    });
  }
}
