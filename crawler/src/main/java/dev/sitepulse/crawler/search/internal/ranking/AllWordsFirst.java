package dev.sitepulse.crawler.search.internal.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Pages that have every one of a query's OR-ed words rank above pages that have only some, as a
 * web search engine's would, without dropping the latter. BM25 adds up the words' scores, so one
 * common word in a boosted title outscored a rare word and the common one together: "walrus
 * operator" listed ten pages on operators and operations before any naming the walrus operator.
 *
 * <p>A page with every word scores the best score of any page higher than it would, before the
 * weighting: a weighting that ranks an index page lower ({@link LinkTextDamping}) lowers that head
 * start too, since an index has every word only because it lists them all. The matches and their
 * total are the query's, with its words OR-ed.
 */
final class AllWordsFirst {
  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc);

  private AllWordsFirst() {}

  /**
   * @param any the query as parsed, words OR-ed
   * @param allWords the same with every word required, or null when that is {@code any} itself
   * @param weighting applied to each query's score last, per page
   */
  static TopDocs search(IndexSearcher searcher, Query any, Query allWords, UnaryOperator<Query> weighting,
      int size) throws IOException {
    // An exact total rather than "1000+".
    TopDocs anyTop = searcher.search(
        weighting.apply(any), new TopScoreDocCollectorManager(size, null, Integer.MAX_VALUE));
    if (allWords == null || anyTop.scoreDocs.length == 0) {
      return anyTop;
    }
    // Its total is not shown, so it may skip pages that cannot make the top.
    TopDocs allTop = searcher.search(weighting.apply(plus(allWords, anyTop.scoreDocs[0].score)),
        new TopScoreDocCollectorManager(size, null, size));
    List<ScoreDoc> ranked = new ArrayList<>(List.of(allTop.scoreDocs));
    Set<Integer> haveAll = new HashSet<>();
    ranked.forEach(hit -> haveAll.add(hit.doc));
    // A page of anyTop with every word but missing from allTop is below allTop's size pages there,
    // and scores no more here; fewer than size pages in allTop are all those with every word. So
    // the best size of both lists, each page once, are the best size pages.
    for (ScoreDoc hit : anyTop.scoreDocs) {
      if (!haveAll.contains(hit.doc)) {
        ranked.add(hit);
      }
    }
    ranked.sort(BEST_FIRST);
    return new TopDocs(anyTop.totalHits,
        ranked.subList(0, Math.min(size, ranked.size())).toArray(ScoreDoc[]::new));
  }

  /** Scores {@code bonus} higher, on the same pages. */
  private static Query plus(Query query, float bonus) {
    return CombinedQueries.boosted(query, new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), bonus));
  }
}
