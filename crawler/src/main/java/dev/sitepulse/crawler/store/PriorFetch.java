package dev.sitepulse.crawler.store;

import dev.sitepulse.pinger.CacheValidators;

/**
 * What the last fetch of a URL, by an earlier run, left for fetching it again: the validators for
 * a conditional request, and what a 304 Not Modified then keeps.
 *
 * @param fetchedAtMillis when the content on record was fetched (a 304 leaves it); 0 if unknown
 * @param contentHash the SHA-256 of the body; null if the page was not HTML or failed
 * @param duplicate whether the page was an exact duplicate of another
 * @param indexed whether the page has a document in the index, which must go if the page does
 * @param unavailableAfterMillis when the page's {@code unavailable_after} date passes (epoch ms), 0
 *     for none: a 304 after it leaves the page as noindex as fetching it whole would
 */
public record PriorFetch(CacheValidators validators, String contentHash, boolean duplicate, boolean indexed,
    long fetchedAtMillis, long unavailableAfterMillis) {

  /** Whether the page's {@code unavailable_after} date has passed at {@code nowMillis}. */
  public boolean unavailableAt(long nowMillis) {
    return unavailableAfterMillis != 0 && nowMillis > unavailableAfterMillis;
  }
}
