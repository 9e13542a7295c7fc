package dev.sitepulse.crawler.search;

import java.util.List;

/**
 * The top hits for a query.
 *
 * @param totalHits every matching page, not just those returned (an exact count)
 * @param tookNanos parse, search, highlighting and stored-field loading, end to end
 */
public record SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos) {

  public SearchResults {
    hits = List.copyOf(hits);
  }
}
