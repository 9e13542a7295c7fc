package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.pinger.RedirectChains;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which redirects the crawl follows. A target in the scope is queued as its own URL, where the
 * seen-set keeps a loop from going round; a chain of new URLs is cut after {@link
 * #MAX_REDIRECT_HOPS}. The redirect that closes a loop, or that the cut leaves unfollowed, is the
 * TOO_MANY_REDIRECTS of its chain, as a check of the chain's start would say. What a link check
 * queued as an image or a script redirects to one. A seed redirected out of the scope is kept for
 * the summary, which says what to crawl instead. Touched only on the event loop.
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
  /**
   * By URL a redirect of this run led to in the scope: the URL that redirected there first, so that
   * each chain can be walked back to its start. A link is never an entry: the walk ends at a URL
   * no redirect led to.
   */
  private final Map<String, String> redirectedFrom = new HashMap<>();

  Redirects(CrawlScope scope, Frontier frontier, PageWork pages, RobotsAndSitemaps robotsAndSitemaps,
      Counters counters) {
    this.scope = scope;
    this.frontier = frontier;
    this.pages = pages;
    this.robotsAndSitemaps = robotsAndSitemaps;
    this.counters = counters;
  }

  /**
   * What following a redirect did.
   *
   * @param queued the target, if this queued it, for the redirect's record
   * @param tooMany why the redirect ends its chain as TOO_MANY_REDIRECTS (a loop, or past {@link
   *     #MAX_REDIRECT_HOPS}), in the pinger's words; null when it does not
   */
  record Followed(List<QueuedUrl> queued, String tooMany) {

    private static final Followed NOTHING = new Followed(List.of(), null);
  }

  /**
   * Follows the redirect of {@code next} to {@code target} (null: an unusable URL) if it may, and
   * says what that did.
   */
  Followed follow(Frontier.Next next, String target) {
    if (target == null || !scope.accepts(target)) {
      if (target != null && next.depth() == 0) {
        counters.seedsRedirectedAway.put(next.url(), target); // the summary says what to crawl instead
      }
      return Followed.NOTHING;
    }
    List<String> chain = chainTo(next.url());
    if (chain.contains(target) || chain.size() > MAX_REDIRECT_HOPS) {
      chain.add(target);
      String why = RedirectChains.tooMany(chain, MAX_REDIRECT_HOPS);
      LOG.debug("not following {} from {}: {}", target, next.url(), why);
      return new Followed(List.of(), why);
    }
    // Also where the target was seen before: a refresh queues every URL of a loop from the start.
    redirectedFrom.putIfAbsent(target, next.url());
    if (!frontier.offer(target, next.depth())) {
      return Followed.NOTHING;
    }
    if (pages.isLeaf(next.url())) {
      pages.leaf(target); // the image an image redirects to is one too
    }
    robotsAndSitemaps.adoptIfNew(target);
    return new Followed(List.of(new QueuedUrl(target, next.depth())), null);
  }

  /**
   * The redirects of this run that led to {@code url}, walked back from it: the chain from its start
   * up to {@code url}, at most one URL past the longest chain followed. Never round: an entry is
   * added only where its chain does not already hold the target.
   */
  private List<String> chainTo(String url) {
    List<String> back = new ArrayList<>();
    for (String at = url; at != null && back.size() <= MAX_REDIRECT_HOPS; at = redirectedFrom.get(at)) {
      back.add(at);
    }
    Collections.reverse(back);
    return back;
  }
}
