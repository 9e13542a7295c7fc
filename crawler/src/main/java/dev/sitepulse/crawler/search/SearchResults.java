package dev.sitepulse.crawler.search;

import java.util.List;

/**
 * The top hits for a query.
 *
 * @param totalHits every matching page, not just those returned (an exact count)
 * @param tookNanos parse, search, highlighting and stored-field loading, end to end, and the
 *     spelling correction of a query with a word no page has
 * @param didYouMean the query with its misspelt words (words no page has) corrected, which finds
 *     pages; null when every word is on some page, or no correction finds any
 * @param offset how many better hits were passed over: the first hit here ranks {@code offset + 1}
 */
public record SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean,
    int offset) {

  public SearchResults {
    hits = List.copyOf(hits);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean) {
    this(query, totalHits, hits, tookNanos, didYouMean, 0);
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos) {
    this(query, totalHits, hits, tookNanos, null);
  }
}
