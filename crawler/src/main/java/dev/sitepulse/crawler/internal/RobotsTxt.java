package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.util.concurrent.CompletableFuture;

/** Fetching a host's robots.txt, for the crawl and for a link check's own checks online. */
public final class RobotsTxt {

  /** RFC 9309 asks a crawler to follow at least five redirects. */
  private static final int MAX_REDIRECTS = 5;

  private RobotsTxt() {}

  /**
   * The robots.txt of {@code origin} ({@code http://host:port}), following redirects (http to
   * https, bare host to www are common); the future never completes exceptionally. Cancelling it
   * cancels the request under way, whichever hop it is.
   */
  public static CompletableFuture<FetchResult> fetch(Fetcher fetcher, String origin) {
    CompletableFuture<FetchResult> read = new CompletableFuture<>();
    follow(fetcher, origin + "/robots.txt", MAX_REDIRECTS, read);
    return read;
  }

  private static void follow(Fetcher fetcher, String url, int hopsLeft, CompletableFuture<FetchResult> read) {
    CompletableFuture<FetchResult> hop = fetcher.fetch(url);
    read.whenComplete((r, e) -> hop.cancel(false)); // done, or abandoned by the crawl
    hop.thenAccept(r -> {
      if (hopsLeft > 0 && r.location() != null && r.status() >= 300 && r.status() < 400) {
        String next = LinkRules.resolveRedirect(url, r.location());
        if (next != null) {
          follow(fetcher, next, hopsLeft - 1, read);
          return;
        }
      }
      read.complete(r);
    });
  }
}
