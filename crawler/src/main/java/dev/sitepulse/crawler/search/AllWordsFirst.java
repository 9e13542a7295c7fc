package dev.sitepulse.crawler.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
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
 * <p>Each page with every word scores the best score of any page higher than it would, so scores
 * stay in order. The matches and their total are the query's, with its words OR-ed.
 */
final class AllWordsFirst {

  private AllWordsFirst() {}

  /**
   * @param any the query as parsed, words OR-ed
   * @param allWords the same with every word required, or null when that is {@code any} itself
   */
  static TopDocs search(IndexSearcher searcher, Query any, Query allWords, int size) throws IOException {
    // An exact total rather than "1000+".
    TopDocs anyTop = searcher.search(any, new TopScoreDocCollectorManager(size, null, Integer.MAX_VALUE));
    if (allWords == null || anyTop.scoreDocs.length == 0) {
      return anyTop;
    }
    // Its total is not shown, so it may skip pages that cannot make the top.
    TopDocs allTop = searcher.search(allWords, new TopScoreDocCollectorManager(size, null, size));
    float bonus = anyTop.scoreDocs[0].score;
    List<ScoreDoc> ranked = new ArrayList<>(size);
    Set<Integer> haveAll = new HashSet<>();
    for (ScoreDoc hit : allTop.scoreDocs) {
      ranked.add(new ScoreDoc(hit.doc, hit.score + bonus));
      haveAll.add(hit.doc);
    }
    // Fewer than size pages have every word only when allTop holds them all; anyTop then holds
    // enough of the others, as at most allTop's count of its pages are among them.
    for (ScoreDoc hit : anyTop.scoreDocs) {
      if (ranked.size() == size) {
        break;
      }
      if (!haveAll.contains(hit.doc)) {
        ranked.add(hit);
      }
    }
    return new TopDocs(anyTop.totalHits, ranked.toArray(ScoreDoc[]::new));
  }
}
