package dev.sitepulse.crawler.search.internal.snippets;

import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import dev.sitepulse.crawler.search.internal.query.WhereFilters;
import dev.sitepulse.crawler.search.internal.ranking.CombinedQueries;
import dev.sitepulse.crawler.search.internal.ranking.DefinitionQueries;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlan;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlanner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The query whose words a hit's snippet marks: the query's own words, without what it excludes or
 * filters by, its prefixes expanded, and the names of the definitions a hit links to as the body
 * writes them.
 */
public final class MarkedWords {
  /**
   * For the highlighter, a prefix (wildcard, fuzzy, regex) term becomes the terms it matches, at
   * most 64 of them. Handed the prefix itself, the highlighter runs every term of the body field
   * through the prefix's automaton for every hit: decorator* (and its stem, decor*) took 19.5 ms
   * on the Python docs.
   */
  private static final MultiTermQuery.RewriteMethod EXPANDED =
      new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64);

  /**
   * Prefix, wildcard, fuzzy and regex terms whose matches snippets mark: each field's, and a
   * prefix's stem, count apart, so the first 12 or so such words of a query. Their 64 words each
   * stay within the clause limit with room for the query's other words.
   */
  private static final int MAX_MARKED_MULTI_TERMS = 96;

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final QueryPlanner planner;

  public MarkedWords(IndexSearcher searcher, Analyzer analyzer, QueryPlanner planner) {
    this.searcher = searcher;
    this.analyzer = analyzer;
    this.planner = planner;
  }

  /** The words of the plan's query, and of every definition a hit may link to. */
  public Query of(QueryPlan plan) throws IOException, InvalidQueryException {
    return CombinedQueries.either(forHighlighting(plan.text(), plan.parsed(), plan.paths()),
        DefinitionQueries.inBody(plan.ids(), analyzer));
  }

  /** {@code marked} and the name as the page writes it: getcwd is os.getcwd there. */
  public Query withDefinition(Query marked, String definition) throws IOException {
    return CombinedQueries.either(marked, DefinitionQueries.inBody(List.of(definition), analyzer));
  }

  /**
   * The query with its prefix (wildcard, fuzzy, regex) terms expanded, when it has any and the
   * expansion stays within Lucene's clause limit; else the query as parsed, which the highlighter
   * handles too, only slower. Several short prefixes over four fields can pass the limit (64
   * terms × 4 fields × the stem's second prefix each), and the search itself did not need it.
   */
  private Query forHighlighting(String query, Query parsed, Map<String, String> paths)
      throws IOException, InvalidQueryException {
    if (!hasMultiTermQuery(parsed)) {
      return withoutExclusions(parsed);
    }
    Query marked = withoutExclusions(parsed);
    try {
      Query expanded = FirstMultiTerms.of(
          withoutExclusions(QueryPlanner.parse(planner.parser(EXPANDED, paths), query)), MAX_MARKED_MULTI_TERMS);
      return expanded == null ? marked : searcher.rewrite(expanded);
    } catch (IndexSearcher.TooManyClauses e) {
      return FirstMultiTerms.of(marked, MAX_MARKED_MULTI_TERMS);
    }
  }

  /**
   * The highlighter marks, in the body, the words of every text field, so an exclusion from one
   * ({@code -title:timeouts}) was held against the body: on a page whose body has that word, no
   * word at all was marked. Excluded words are never marked, so they can go, and so can a
   * field's any value ({@code body:*}), which marked every word.
   */
  private static Query withoutExclusions(Query query) {
    if (WhereFilters.isScoreless(query)) { // a where-clause joined by OR: no word of the text
      return new BooleanQuery.Builder().build();
    }
    if (query instanceof BoostQuery boosted) {
      return new BoostQuery(withoutExclusions(boosted.getQuery()), boosted.getBoost());
    }
    if (PageQueryParser.isAnyValue(query)) { // title:*, every word of the field: no word to mark
      return new BooleanQuery.Builder().build();
    }
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    BooleanQuery.Builder kept =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    for (BooleanClause clause : bool.clauses()) {
      // A where-filter (lang:en) is no word of the text either: its value marked "en" in bodies.
      if (clause.getOccur() != BooleanClause.Occur.MUST_NOT && clause.getOccur() != BooleanClause.Occur.FILTER) {
        kept.add(withoutExclusions(clause.getQuery()), clause.getOccur());
      }
    }
    return kept.build();
  }

  private static boolean hasMultiTermQuery(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        found[0] = true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }
}
