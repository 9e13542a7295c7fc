package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A page with a section whose id is a query's words run together has every word, weighed as a
 * title match of each, as a name that runs them together does ({@link DefinedNames#runTogether}):
 * Sphinx labels the Python docs' "Format Specification Mini-Language" {@code formatspec}, and as
 * the page never says "spec", {@code format spec} found 260 pages with both words first.
 */
public final class RunTogetherSections {
  private RunTogetherSections() {}

  /** The query's words run together, lower-cased ({@code formatspec}); null unless it is two or more plain words. */
  public static String of(String query) {
    List<String> runTogether = DefinedNames.runTogether(query);
    return runTogether.isEmpty() ? null : runTogether.get(0);
  }

  /** The pages with a section of that name; null for a query of another shape. */
  static Query pages(String query) {
    String name = of(query);
    if (name == null) {
      return null;
    }
    float eachWordInTitle = PageQueryParser.BOOSTS.get(PageFields.TITLE) * QueryWords.of(query).size();
    return new BoostQuery(new TermQuery(new Term(PageFields.SECTION_NAMES, name)), eachWordInTitle);
  }
}
