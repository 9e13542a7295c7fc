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
 * @param notes for a query that found nothing, why, one line each: a where-filter's value that no
 *     page has, and what the index holds there ({@code no page has host "python" (hosts here:
 *     127.0.0.1:8092)}); empty otherwise
 */
public record SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean,
    int offset, List<String> notes) {

  public SearchResults {
    hits = List.copyOf(hits);
    notes = List.copyOf(notes);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean,
      int offset) {
    this(query, totalHits, hits, tookNanos, didYouMean, offset, List.of());
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos, String didYouMean) {
    this(query, totalHits, hits, tookNanos, didYouMean, 0);
  }

  public SearchResults(String query, long totalHits, List<SearchHit> hits, long tookNanos) {
    this(query, totalHits, hits, tookNanos, null);
  }
}
