package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.List;

/**
 * What handling one HTML page on a worker means for the frontier and the counters.
 *
 * @param duplicateOf the page fetched earlier with the same bytes, or null
 * @param removed whether the page's document from an earlier crawl left the index
 * @param copiesToFetchAgain pages found to be copies of this one's old bytes before it was fetched
 *     again, which it no longer holds: they index their own text
 * @param cut whether the page was cut at --max-body, parsed as far as it went
 * @param inCanonicalCycle whether the page's canonical leads back to it: it stands for no page that
 *     deferred to it, as each page of the circle keeps its own text
 * @param linksCut the page's links past --max-links-per-page: not read
 */
record PageOutcome(List<QueuedUrl> followable, boolean indexed, String duplicateOf, int skippedLinks,
    boolean removed, List<QueuedUrl> copiesToFetchAgain, boolean cut, boolean inCanonicalCycle,
    int linksCut) {

  boolean duplicate() {
    return duplicateOf != null;
  }
}
