package dev.sitepulse.crawler.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/** A factor per page that a score is multiplied by, read from the page alone, not its score. */
abstract class PageFactor extends DoubleValuesSource {

  /** The factors of one segment's pages, by their doc ids there, asked in increasing order. */
  @FunctionalInterface
  interface SegmentFactors {
    double of(int doc) throws IOException;
  }

  abstract SegmentFactors factors(LeafReaderContext ctx) throws IOException;

  @Override
  public final DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SegmentFactors factors = factors(ctx);
    return new DoubleValues() {
      private double factor;

      @Override
      public double doubleValue() {
        return factor;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        factor = factors.of(doc);
        return true;
      }
    };
  }

  @Override
  public final boolean needsScores() {
    return false;
  }

  @Override
  public final DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }
}
