package dev.sitepulse.crawler.search;

import java.util.List;

/**
 * The top hits for a query.
 *
 * @param totalHits every matching page, not just those returned (an exact count)
 * @param tookNanos parse, search, highlighting and stored-field loading, end to end, and the
 *     spelling correction of a query that found nothing
 * @param didYouMean for a query that found nothing, the query with its misspelt words corrected,
 *     which finds pages; null when the query found pages, or no correction finds any
 */
public record SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean) {

  public SearchResults {
    hits = List.copyOf(hits);
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos) {
    this(query, totalHits, hits, tookNanos, null);
  }
}
