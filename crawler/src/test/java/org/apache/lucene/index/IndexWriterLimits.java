package org.apache.lucene.index;

/**
 * Lowers Lucene's limit on documents per index, as Lucene's own tests do, so that a test can make
 * the index refuse a page halfway through a crawl. Call {@link #reset()} after.
 */
public final class IndexWriterLimits {
  private IndexWriterLimits() {}

  public static void maxDocs(int max) {
    IndexWriter.setMaxDocs(max);
  }

  public static void reset() {
    IndexWriter.setMaxDocs(IndexWriter.MAX_DOCS);
  }
}
