package dev.sitepulse.crawler.search.internal.ranking;

import static dev.sitepulse.crawler.search.internal.ranking.CombinedQueries.either;

import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.internal.query.ClauseLimit;
import dev.sitepulse.crawler.search.internal.query.CodeSpelling;
import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import dev.sitepulse.crawler.search.internal.query.QueryErrors;
import dev.sitepulse.crawler.search.internal.query.WhereFilters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Makes a {@link QueryPlan} of a query in two steps: {@link #parse}, whose failures are the query's
 * own, then {@link #plan}, which looks its names up in the index ({@link DefinitionLookups}) and
 * adds what ranks: the phrase of its words near each other and the pages that define its names.
 */
public final class QueryPlanner {
  private final Analyzer analyzer;
  private final DefinitionLookups lookups;

  public QueryPlanner(Analyzer analyzer, DefinitionLookups lookups) {
    this.analyzer = analyzer;
    this.lookups = lookups;
  }

  /** The query as the grammar reads it, and the parser that read it, which ranks it as well. */
  record Parsed(CodeSpelling.Reading reading, Map<String, String> paths, PageQueryParser parser, Query query) {}

  /**
   * @throws InvalidQueryException when the query does not parse, said of the query as typed; a
   *     stop word alone that names a definition parses, as no words of the text
   */
  public Parsed parse(CodeSpelling.Reading reading) throws InvalidQueryException {
    String query = reading.text();
    Map<String, String> paths = lookups.pathsNoPageDefines(reading);
    PageQueryParser parser = new PageQueryParser(analyzer, paths, lookups.urlNamedWords(query));
    Query parsed;
    try {
      parsed = parse(parser, query);
    } catch (InvalidQueryException e) {
      // Only a stop word: a malformed query (print(, zip", open~2.5) is an error, defined or not.
      if (!QueryErrors.OnlyStopWords.isCauseOf(e) || !lookups.namesADefinition(query)) {
        // Said of the query as typed, not of the quotes and dots the grammar was given.
        throw reading.changed() ? e.in(reading.typed(), reading.typedColumn(e.column())) : e;
      }
      parsed = new BooleanQuery.Builder().build(); // into, as, then: left out of the text, matched as names
    }
    return new Parsed(reading, paths, parser, parsed);
  }

  /**
   * The words a query ranks by, beside its where-filters (host:, lang:…), which narrow every query
   * below: host:docs zip ranks as zip does, on that host. {@code nameBesideFilters}: the parse left
   * out a stop word beside the filters that names a definition (host:docs for), which is then the
   * query, found on those pages.
   */
  private record Narrowed(String words, Query parsed, Query where, boolean listing, boolean nameBesideFilters) {}

  private Narrowed narrowed(String query, Query parsed) {
    Query where = WhereFilters.of(parsed);
    String words = where == null ? query : WhereFilters.wordsBeside(query);
    boolean listing = WhereFilters.only(parsed);
    String beside = listing ? WhereFilters.wordsBeside(query) : "";
    if (!beside.isEmpty() && lookups.namesADefinition(beside)) {
      return new Narrowed(beside, new BooleanQuery.Builder().build(), parsed, false, true);
    }
    return new Narrowed(words, parsed, where, listing, false);
  }

  /** The plan of a parsed query: what matches and ranks, and what a hit may link to. */
  public QueryPlan plan(Parsed read) {
    String query = read.reading().text();
    PageQueryParser parser = read.parser();
    Narrowed narrowed = narrowed(query, read.query());
    String words = narrowed.words();
    // A page that defines the query's words run together has them all (switchMap for switch map,
    // logging.basicConfig for logging basic config).
    String runTogether = lookups.wholeQueryDefined(words);
    String member = runTogether == null ? lookups.memberDefined(words) : null;
    Query wholeName = lookups.wholeName(words, runTogether, member);
    if (wholeName == null) { // else a section the words name run together (a label: formatspec)
      wholeName = RunTogetherSections.pages(words);
    }
    Query allWords = either(narrowed.nameBesideFilters() ? null
        : WhereFilters.withFiltersOf(narrowed.parsed(), parser.allWords(query, narrowed.parsed())), wholeName);
    // The same phrases and definitions boost both.
    List<String> names = lookups.namesLookedUp(words);
    String entry = lookups.glossaryEntry(words);
    List<String> ids = lookups.ids(words, names, entry, member);
    Query matches = lookups.matches(words, narrowed.parsed(), names);
    Query boost = boost(parser, words, names, entry, either(lookups.defining(ids), wholeName));
    Query ranked = WhereFilters.within(CombinedQueries.boosted(matches, boost), narrowed.where());
    Query rankedAllWords =
        allWords == null ? null : WhereFilters.within(CombinedQueries.boosted(allWords, boost), narrowed.where());
    return new QueryPlan(read.reading(), read.paths(), narrowed.parsed(), narrowed.listing(), ranked, rankedAllWords, ids);
  }

  /**
   * What adds to the score of what matches: the words near each other, and the pages that define
   * the query's names ({@code definitions}). A query that is one name matches its definitions
   * ({@link DefinitionLookups#matches}); then the shallowest item of that name and its glossary
   * entry rank instead.
   */
  private Query boost(PageQueryParser parser, String words, List<String> names, String entry, Query definitions) {
    if (!DefinedNames.isOneBareName(words, names)) {
      return either(ProximityBoost.of(parser, words), definitions);
    }
    return either(either(ProximityBoost.of(parser, words), lookups.shallowestItems(words)),
        entry == null ? null : lookups.defining(List.of(entry)));
  }

  /**
   * @param rewrite how prefix, wildcard, fuzzy and regex terms rewrite; null for the parser's default
   * @param paths the query's {@code ::} paths ({@link CodeSpelling.Reading#paths})
   */
  public PageQueryParser parser(MultiTermQuery.RewriteMethod rewrite, Map<String, String> paths) {
    PageQueryParser parser = new PageQueryParser(analyzer, paths, Set.of());
    if (rewrite != null) {
      parser.setMultiTermRewriteMethod(rewrite);
    }
    return parser;
  }

  /** The query parsed; its errors as one line, said of the query the grammar was given. */
  public static Query parse(PageQueryParser parser, String query) throws InvalidQueryException {
    if (query == null || query.isBlank()) {
      throw new InvalidQueryException(query == null ? "" : query, "the query is empty", -1, null);
    }
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses) { // one clause list past it already
        throw new InvalidQueryException(query, ClauseLimit.TOO_LONG, -1, e);
      }
      throw QueryErrors.of(query, e);
    }
  }
}
