package dev.sitepulse.crawler.search.internal.query;

import org.apache.lucene.search.IndexSearcher;

/**
 * Every word is looked up in four fields, so Lucene's default of 1,024 clauses refused a pasted
 * paragraph of 300 words. This many takes 2,000 words; the limit is Lucene's, per JVM, raised once
 * by the first {@link dev.sitepulse.crawler.search.PageSearcher}.
 */
public final class ClauseLimit {
  private static final int MAX_CLAUSES = 8192;

  /**
   * Why a query past the limit is refused, for
   * {@link dev.sitepulse.crawler.search.InvalidQueryException}.
   */
  public static final String TOO_LONG =
      "it has too many words and terms to look up (at most " + MAX_CLAUSES + ", each word counted once per field)";

  private ClauseLimit() {}

  /** Raises Lucene's limit to ours, never lowering one another part of the program set. */
  public static void raise() {
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
  }
}
