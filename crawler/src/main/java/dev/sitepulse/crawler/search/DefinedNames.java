package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.PageFields;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The page that defines a name the query types, as API docs write names, ranks first for it.
 * Sphinx, javadoc and rustdoc give each definition an element id of its name ({@code os.path.join},
 * {@code KeyError}), while the pages that only use the name are shorter: on the Python docs BM25
 * put the os.path page fourth for os.path.join, and the pathlib page nowhere in the top ten for
 * pathlib.Path. Only words shaped like such names count (dotted, with an underscore, or
 * camel-cased): the other ids are mostly slugs of headings, which the headings field weighs already.
 * Adds to scores only; what matches is the query's.
 */
final class DefinedNames {
  /** A definition weighs as a title match does: the page is about the name. */
  private static final float BOOST = 3f;
  /** A pasted block of code names hundreds, each a clause more towards Lucene's limit. */
  private static final int MAX_NAMES = 16;

  private DefinedNames() {}

  /** Boosts pages with an id that is one of the query's names; null when it has none. */
  static Query of(String query) {
    BooleanQuery.Builder ids = new BooleanQuery.Builder();
    int names = 0;
    for (String word : query.strip().split("\\s+")) {
      if (names < MAX_NAMES && ApiNames.isOne(word)) {
        Term id = new Term(PageFields.ANCHORS, word.toLowerCase(Locale.ROOT));
        ids.add(new TermQuery(id), BooleanClause.Occur.SHOULD);
        names++;
      }
    }
    return names == 0 ? null : new BoostQuery(ids.build(), BOOST);
  }
}
