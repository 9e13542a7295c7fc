package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.search.internal.query.CodeSpelling;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * What a user's words become before any page is read: the queries that rank and the names a hit
 * may link to ({@link QueryPlanner} makes it; {@link RankedPages} runs it).
 *
 * @param reading the query as typed and as the grammar reads it ({@link CodeSpelling})
 * @param paths the query's {@code ::} paths no page defines, which the parser looks for as written too
 * @param parsed the query as parsed and narrowed to the words beside its where-filters; what
 *     snippets mark, and what a listing ({@code listing}) sorts by URL
 * @param listing whether the query is where-filters alone
 *     ({@link dev.sitepulse.crawler.search.internal.query.WhereFilters#only}): pages in URL order
 * @param ranked what matches, with its boosts, within the where-filters
 * @param rankedAllWords the same with every word required ({@link AllWordsFirst}); null when that is {@code ranked}
 * @param ids the definitions a hit may link to ({@link DefinitionLookups#ids})
 */
public record QueryPlan(CodeSpelling.Reading reading, Map<String, String> paths, Query parsed, boolean listing,
    Query ranked, Query rankedAllWords, List<String> ids) {

  /** The query the grammar reads. */
  public String text() {
    return reading.text();
  }
}
