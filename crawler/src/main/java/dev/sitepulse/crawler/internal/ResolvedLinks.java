package dev.sitepulse.crawler.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Links normalized and placed in or out of scope, remembered per href as written: most links of a
 * site are its navigation, the same few hundred hrefs on every page, and normalizing them anew was
 * a tenth of the crawl's CPU time. Shared by the parse workers.
 *
 * <p>The first page to follow an href claims it: only that page queues it, in crawl.db and in the
 * frontier, so navigation links shared by every page are not re-inserted hundreds of times. Should
 * the claiming page's record never commit, the page itself is fetched again on resume and finds
 * the link anew. The memory is a bound, not a cache with an eviction policy: once it holds
 * {@code max} hrefs it is emptied, claims with it, so an href met again after that is queued once
 * more, as is one URL written two ways; crawl.db (INSERT OR IGNORE) and the frontier's seen-set
 * keep it one URL, and the claims only spare them the work.
 */
final class ResolvedLinks {

  /** A link's URL and scope, and whether a page has claimed it. */
  record Resolved(String url, boolean inScope, AtomicBoolean claimed) {
    /** Whether this caller is the first to claim the link: it then queues it. */
    boolean claim() {
      return !claimed.get() && claimed.compareAndSet(false, true);
    }
  }

  private static final Resolved UNUSABLE = new Resolved(null, false, new AtomicBoolean(true));

  private final Map<String, Resolved> known = new ConcurrentHashMap<>();
  private final UnaryOperator<String> normalize;
  private final Predicate<String> inScope;
  private final int max;

  /**
   * @param normalize a link's URL as the crawl queues it, or null for one that cannot be crawled
   * @param max hrefs remembered before the memory is emptied
   */
  ResolvedLinks(UnaryOperator<String> normalize, Predicate<String> inScope, int max) {
    this.normalize = normalize;
    this.inScope = inScope;
    this.max = max;
  }

  /** The link, normalized and placed; null for one that cannot be crawled. */
  Resolved resolve(String link) {
    int hash = link.indexOf('#');
    String href = hash < 0 ? link : link.substring(0, hash); // normalizing drops it anyway
    Resolved r = known.get(href);
    if (r == null) {
      String url = normalize.apply(href);
      Resolved made = url == null ? UNUSABLE : new Resolved(url, inScope.test(url), new AtomicBoolean());
      if (known.size() >= max) {
        known.clear();
      }
      // Two workers that resolve one new href at once keep the same answer, so one claim wins.
      r = known.putIfAbsent(href, made);
      r = r == null ? made : r;
    }
    return r == UNUSABLE ? null : r;
  }
}
