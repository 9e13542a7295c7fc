package dev.sitepulse.crawler.search;

import java.util.List;

/** The hits of one query, best first, with the total count and the time the search took. */
public record SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
