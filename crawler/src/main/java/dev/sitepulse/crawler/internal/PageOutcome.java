package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.List;

/**
 * What handling one HTML page on a worker means for the frontier and the counters.
 *
 * @param duplicateOf the page fetched earlier with the same bytes, or null
 * @param removed whether the page's document from an earlier crawl left the index
 */
record PageOutcome(
    List<QueuedUrl> followable, boolean indexed, String duplicateOf, int skippedLinks, boolean removed) {

  boolean duplicate() {
    return duplicateOf != null;
  }
}
