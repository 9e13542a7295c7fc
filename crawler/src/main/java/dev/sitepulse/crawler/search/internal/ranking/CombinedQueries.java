package dev.sitepulse.crawler.search.internal.ranking;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** The two ways a search puts queries together: as alternatives, and as a boost on what matches. */
public final class CombinedQueries {
  private CombinedQueries() {}

  /** Either query, or both as alternatives whose scores add up; null for neither. */
  public static Query either(Query a, Query b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new BooleanQuery.Builder()
        .add(a, BooleanClause.Occur.SHOULD)
        .add(b, BooleanClause.Occur.SHOULD)
        .build();
  }

  /** {@code matches} ranked with {@code boost} added to its score, never changing what matches; null adds nothing. */
  static Query boosted(Query matches, Query boost) {
    return boost == null ? matches : new BooleanQuery.Builder()
        .add(matches, BooleanClause.Occur.MUST)
        .add(boost, BooleanClause.Occur.SHOULD)
        .build();
  }
}
