package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which redirects the crawl follows. A target in the scope is queued as its own URL, where the
 * seen-set keeps a loop from going round; a chain of new URLs is cut after {@link
 * #MAX_REDIRECT_HOPS}. What a link check queued as an image or a script redirects to one. A seed
 * redirected out of the scope is kept for the summary, which says what to crawl instead. Touched
 * only on the event loop.
 */
final class Redirects {

  /**
   * Redirects the crawl follows from a URL that no redirect led to, before it stops: as many as
   * a link check reports a chain of (more is TOO_MANY_REDIRECTS), and the pinger's 10 twice over.
   * The seen-set ends a loop, but not a server that redirects each URL to a new one.
   */
  static final int MAX_REDIRECT_HOPS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(Redirects.class);

  private final CrawlScope scope;
  private final Frontier frontier;
  private final PageWork pages;
  private final RobotsAndSitemaps robotsAndSitemaps;
  private final Counters counters;
  /** By URL a redirect led to: how many redirects in a row did. */
  private final Map<String, Integer> redirectHops = new HashMap<>();

  Redirects(CrawlScope scope, Frontier frontier, PageWork pages, RobotsAndSitemaps robotsAndSitemaps,
      Counters counters) {
    this.scope = scope;
    this.frontier = frontier;
    this.pages = pages;
    this.robotsAndSitemaps = robotsAndSitemaps;
    this.counters = counters;
  }

  /**
   * Follows the redirect of {@code next} to {@code target} (null: an unusable URL) if it may, and
   * returns what that queued, for the redirect's record: the target, or nothing.
   */
  List<QueuedUrl> follow(Frontier.Next next, String target) {
    List<QueuedUrl> discovered = List.of();
    boolean inScope = target != null && scope.accepts(target);
    int hops = redirectHops.getOrDefault(next.url(), 0) + 1;
    if (inScope && hops > MAX_REDIRECT_HOPS) {
      LOG.debug("not following {} from {}: {} redirects in a row", target, next.url(), hops);
    } else if (inScope && frontier.offer(target, next.depth())) {
      redirectHops.put(target, hops);
      if (pages.isLeaf(next.url())) {
        pages.leaf(target); // the image an image redirects to is one too
      }
      discovered = List.of(new QueuedUrl(target, next.depth()));
      robotsAndSitemaps.adoptIfNew(target);
    } else if (target != null && !inScope && next.depth() == 0) {
      counters.seedsRedirectedAway.put(next.url(), target); // the summary says what to crawl instead
    }
    return discovered;
  }
}
