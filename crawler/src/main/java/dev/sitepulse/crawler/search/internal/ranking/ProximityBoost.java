package dev.sitepulse.crawler.search.internal.ranking;

import static dev.sitepulse.crawler.index.PageFields.BODY;
import static dev.sitepulse.crawler.index.PageFields.TITLE;

import dev.sitepulse.crawler.search.internal.query.PageQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Pages where the words of a plain query stand together rank above pages that only have them
 * somewhere: "list comprehension" first finds the section on list comprehensions, not the page
 * with "list" in its title. As Solr's edismax {@code pf}: a sloppy phrase over the title and the
 * body adds to the score and never changes what matches. Only for two or more bare words, where
 * nothing says how the words relate; quotes, fields and operators say it already.
 */
final class ProximityBoost {
  private static final int MAX_PROXIMITY_WORDS = 8;
  private static final int PROXIMITY_SLOP = 3;
  private static final float PROXIMITY_BOOST = 2f;

  private ProximityBoost() {}

  /** The boost for {@code query}, its phrases made by the query's own parser; null for a query that gets none. */
  static Query of(QueryBuilder parser, String query) {
    if (!plainWords(query)) {
      return null;
    }
    Query inTitle = parser.createPhraseQuery(TITLE, query, PROXIMITY_SLOP);
    Query inBody = parser.createPhraseQuery(BODY, query, PROXIMITY_SLOP);
    if (!(inBody instanceof PhraseQuery || inBody instanceof MultiPhraseQuery)) {
      return null; // fewer than two words once stop words are gone (a word with accents is two terms at one place)
    }
    BooleanQuery.Builder near = new BooleanQuery.Builder().add(inBody, BooleanClause.Occur.SHOULD);
    if (inTitle != null) {
      near.add(new BoostQuery(inTitle, PageQueryParser.BOOSTS.get(TITLE)), BooleanClause.Occur.SHOULD);
    }
    return new BoostQuery(near.build(), PROXIMITY_BOOST);
  }

  /**
   * Two to eight words of letters and digits and nothing else: no quotes, fields, groups, boosts,
   * wildcards or operators. A pasted paragraph is no phrase anyone means.
   */
  private static boolean plainWords(String query) {
    String[] words = query.strip().split("\\s+");
    if (words.length < 2 || words.length > MAX_PROXIMITY_WORDS) {
      return false;
    }
    for (String word : words) {
      boolean plain = word.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'' || c == '’');
      if (!plain || PageQueryParser.OPERATORS.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
