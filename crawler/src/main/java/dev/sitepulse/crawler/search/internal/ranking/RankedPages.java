package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Runs a {@link QueryPlan}: the best pages for it, one per item ({@link OneHitPerItem}), those
 * with every word first ({@link AllWordsFirst}), each score weighted last ({@link LinkTextDamping});
 * a listing in URL order ({@link UrlOrder}); and where nothing matches, the pages whose names have
 * the words as parts.
 */
public final class RankedPages {
  private final IndexSearcher searcher;
  private final DirectoryReader reader;
  private final HitFields hitFields;
  /**
   * Each query's score per page, last: by its link text and whether it copies its site; read at the
   * first search ({@link #weighting()}), where a damaged index fails as a search does.
   */
  private volatile LinkTextDamping weighting;

  public RankedPages(IndexSearcher searcher, DirectoryReader reader, HitFields hitFields) {
    this.searcher = searcher;
    this.reader = reader;
    this.hitFields = hitFields;
  }

  /** The best {@code limit} pages for the plan, and how many match. */
  public TopDocs top(QueryPlan plan, int limit) throws IOException {
    // A queue no longer than the index.
    int size = Math.max(1, Math.min(limit, reader.maxDoc()));
    LinkTextDamping weighting = weighting(); // a listing too: the first search reads it, whichever it is
    if (plan.listing()) {
      return UrlOrder.top(searcher, plan.parsed(), size);
    }
    TopDocs top = OneHitPerItem.best(
        n -> AllWordsFirst.search(searcher, plan.ranked(), plan.rankedAllWords(), weighting::weighted, n),
        size, reader.maxDoc(), hitFields);
    TopDocs inNames = top.totalHits.value == 0 ? inNameParts(plan.text(), size) : null;
    return inNames != null ? inNames : top;
  }

  /**
   * The query's words looked for among the parts of the names pages write ({@code createSocket} in
   * {@code dgram.createSocket()}): only when the text has none of them, so that a part never
   * outranks the words themselves, and only for plain words. Null for another query.
   */
  private TopDocs inNameParts(String query, int size) throws IOException {
    BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
    for (String word : query.strip().split("\\s+")) {
      if (!isPlainName(word)) {
        return null; // a phrase, a field, an operator: meant for the text
      }
      anyWord.add(new TermQuery(new Term(PageFields.NAME_PARTS, word.toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.SHOULD);
    }
    Query anyPart = anyWord.build();
    LinkTextDamping weighting = weighting();
    return OneHitPerItem.best(n -> AllWordsFirst.search(searcher, anyPart, null, weighting::weighted, n),
        size, reader.maxDoc(), hitFields);
  }

  private static boolean isPlainName(String word) {
    return !word.isEmpty() && !PageQueryParser.OPERATORS.contains(word)
        && word.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
  }

  /** The weighting, its copies of a site found at the first call; two threads may both find them. */
  private LinkTextDamping weighting() throws IOException {
    LinkTextDamping found = weighting;
    if (found == null) {
      found = LinkTextDamping.with(SiteCopies.in(reader));
      weighting = found;
    }
    return found;
  }
}
