package dev.sitepulse.crawler.search.internal.correction;

import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.internal.query.CodeSpelling;
import dev.sitepulse.crawler.search.internal.query.Correction;
import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import dev.sitepulse.crawler.search.internal.ranking.DefinitionLookups;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlan;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A search's did-you-mean: the query as typed with its misspelt words corrected
 * ({@link DidYouMean}), offered only when the corrected query, planned as a search plans it, finds
 * pages.
 */
public final class QueryCorrection {
  private final IndexSearcher searcher;
  private final DidYouMean didYouMean;
  private final QueryPlanner planner;
  private final DefinitionLookups lookups;

  public QueryCorrection(IndexSearcher searcher, DidYouMean didYouMean, QueryPlanner planner, DefinitionLookups lookups) {
    this.searcher = searcher;
    this.didYouMean = didYouMean;
    this.planner = planner;
    this.lookups = lookups;
  }

  /**
   * The query as typed with its misspelt words corrected, when that finds pages: a correction of
   * one word among others that still find nothing together ({@code asyncoi AND pathlib}) is no
   * help. The words are found and tried in the query the grammar reads.
   *
   * @param found whether the query as it is found pages
   */
  public String of(QueryPlan plan, boolean found) throws IOException {
    CodeSpelling.Reading reading = plan.reading();
    List<Correction> corrections = new ArrayList<>(didYouMean.corrections(reading.text()));
    if (found) {
      // A path that found pages is no typo, though no page's text has String.from (or, where
      // rustdoc defines Vec.new, vec.new) as one word: "did you mean: Vec::len" was no help.
      corrections.removeIf(c -> reading.inPath(c.start()));
    }
    if (corrections.isEmpty()) {
      return null;
    }
    String corrected = Correction.applied(reading.text(), corrections);
    try {
      PageQueryParser parser = planner.parser(null, plan.paths());
      Query parsed = QueryPlanner.parse(parser, corrected);
      // A query that found pages through its other words needs a correction that some page has
      // with them all: "pandas dataframe" found the pandas pages, and is no "pandas datagram".
      Query allWords = found ? parser.allWords(corrected, parsed) : null;
      List<String> names = lookups.namesLookedUp(corrected);
      Query needed = allWords != null ? allWords : lookups.matches(corrected, parsed, names);
      return searcher.count(needed) > 0 ? reading.typedWith(corrections) : null;
    } catch (InvalidQueryException | IndexSearcher.TooManyClauses e) {
      return null; // only words changed, so it parses as the query did; but no suggestion is better than an error
    }
  }
}
