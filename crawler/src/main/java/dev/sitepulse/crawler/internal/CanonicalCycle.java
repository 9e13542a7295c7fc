package dev.sitepulse.crawler.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether a page's canonical leads back to it (a names b, b names c, c names a): then no page of
 * the circle is the one to stand for the others, and which one lost its text would depend on the
 * order they were fetched in, which a refresh of the same site may change. Each keeps its own.
 */
final class CanonicalCycle {

  /** Hops followed at most: a circle longer than this is taken for a chain. */
  private static final int MAX_HOPS = 100;

  private CanonicalCycle() {}

  /**
   * @param canonicalOf each page's canonical elsewhere, as far as the crawl has seen; null for none
   *     or not fetched yet
   */
  static boolean leadsBack(String url, String canonical, UnaryOperator<String> canonicalOf) {
    Set<String> seen = new HashSet<>();
    for (String at = canonical; at != null && seen.size() < MAX_HOPS && seen.add(at); at = canonicalOf.apply(at)) {
      if (at.equals(url)) {
        return true;
      }
    }
    return false;
  }
}
