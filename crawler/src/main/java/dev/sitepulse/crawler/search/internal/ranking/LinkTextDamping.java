package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Ranks pages made mostly of links (an index, a table of contents) below pages whose prose matches
 * as well. Such a page names nearly every word of its site, each as a link to where it is
 * explained: on the Python docs, the genindex pages topped "walrus operator" and "asyncio gather".
 *
 * <p>A page's score is multiplied by {@code 1 - s²/2}, where s is the share of its text that is link
 * text ({@link dev.sitepulse.crawler.index.IndexedPage#linkTextShare()}): prose with a few links
 * (s up to about 0.25 on those docs) keeps about 97% or more, an index (s 0.8 to 0.95) about
 * 60%. A page indexed before the share was recorded counts as prose. A page that copies much of
 * its site ({@link SiteCopies}) is multiplied by {@value SiteCopies#FACTOR} as well.
 */
final class LinkTextDamping extends DoubleValuesSource {
  private static final LinkTextDamping INSTANCE = new LinkTextDamping(SiteCopies.NONE);

  private final SiteCopies siteCopies;

  private LinkTextDamping(SiteCopies siteCopies) {
    this.siteCopies = siteCopies;
  }

  static Query of(Query query) {
    return INSTANCE.weighted(query);
  }

  /** The weighting of an index whose copies of a site are {@code siteCopies}. */
  static LinkTextDamping with(SiteCopies siteCopies) {
    return new LinkTextDamping(siteCopies);
  }

  /** {@code query} with each page's score multiplied by its factor. */
  Query weighted(Query query) {
    return FunctionScoreQuery.boostByValue(query, this);
  }

  static double factor(float linkTextShare) {
    return 1 - linkTextShare * linkTextShare / 2d;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues shares = DocValues.getNumeric(ctx.reader(), PageFields.LINK_TEXT_SHARE);
    return new DoubleValues() {
      private double factor;

      @Override
      public double doubleValue() {
        return factor;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        float share = shares.advanceExact(doc) ? Float.intBitsToFloat((int) shares.longValue()) : 0;
        factor = siteCopies.contains(ctx.docBase + doc) ? factor(share) * SiteCopies.FACTOR : factor(share);
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, PageFields.LINK_TEXT_SHARE) && siteCopies.equals(SiteCopies.NONE); // copies: one reader's doc ids
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinkTextDamping that && siteCopies.equals(that.siteCopies);
  }

  @Override
  public int hashCode() {
    return LinkTextDamping.class.hashCode() * 31 + siteCopies.hashCode();
  }

  @Override
  public String toString() {
    return "1 - " + PageFields.LINK_TEXT_SHARE + "²/2, x" + SiteCopies.FACTOR + " on " + siteCopies;
  }
}
