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
   * https, bare host to www are common); the future never completes exceptionally.
   */
  public static CompletableFuture<FetchResult> fetch(Fetcher fetcher, String origin) {
    return fetchFollowingRedirects(fetcher, origin + "/robots.txt", MAX_REDIRECTS);
  }

  private static CompletableFuture<FetchResult> fetchFollowingRedirects(Fetcher fetcher, String url,
      int hopsLeft) {
    return fetcher.fetch(url).thenCompose(r -> {
      if (hopsLeft > 0 && r.location() != null && r.status() >= 300 && r.status() < 400) {
        String next = LinkRules.resolveRedirect(url, r.location());
        if (next != null) {
          return fetchFollowingRedirects(fetcher, next, hopsLeft - 1);
        }
      }
      return CompletableFuture.completedFuture(r);
    });
  }
}
