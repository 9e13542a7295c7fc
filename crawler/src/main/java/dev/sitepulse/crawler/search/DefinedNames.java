package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.index.PageFields;
import java.util.ArrayList;
import java.util.List;
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
 * camel-cased), and the ids of the modules Sphinx pages define: the other ids are mostly slugs of
 * headings, which the headings field weighs already. Among other words a definition adds to the
 * score; a query of one name also matches the pages that define it ({@link #isOneBareName}).
 */
final class DefinedNames {
  /** A definition weighs as a title match does: the page is about the name. */
  private static final float BOOST = 3f;
  /** A pasted block of code names hundreds, each a clause more towards Lucene's limit. */
  private static final int MAX_NAMES = 16;

  private DefinedNames() {}

  /**
   * Whether a query is one name and nothing else, so that it may match the pages that define it
   * as well as those that say it: not a word in a field ({@code title:socket} asks for titles).
   */
  static boolean isOneBareName(String query, List<String> names) {
    return names.size() == 1 && query.indexOf(':') < 0 && words(query).length == 1;
  }

  /**
   * The query's words that are names, lower-cased, at most {@value #MAX_NAMES}: required
   * ({@code +KeyError}), quoted, boosted, in a text field ({@code title:KeyError}) or a group too;
   * not excluded ones ({@code -Name}, {@code NOT Name}, {@code -(a Name)}). A query of one plain
   * word is a name as well: {@code socket} alone asks for the module (the index knows the modules
   * Sphinx pages define); in {@code socket timeout} it is only a word.
   */
  static List<String> names(String query) {
    List<String> names = new ArrayList<>();
    String[] words = words(query);
    boolean notNext = false;
    int excludedDepth = 0; // open parentheses of an excluded group around this word
    for (String word : words) {
      if (word.equals("NOT")) {
        notNext = true;
        continue;
      }
      boolean excluded = excludedDepth > 0 || notNext || word.startsWith("-") || word.startsWith("!");
      int depthChange = count(word, '(') - count(word, ')');
      excludedDepth = excludedDepth > 0 || (excluded && depthChange > 0) ? Math.max(0, excludedDepth + depthChange) : 0;
      notNext = false;
      if (excluded) {
        continue;
      }
      int colon = word.indexOf(':');
      if (colon >= 0 && !PageQueryParser.TEXT_FIELDS.contains(trim(word.substring(0, colon)))) {
        continue; // url:, host:, lang: and status: name no definitions
      }
      String name = trim(word.substring(colon + 1));
      if (names.size() < MAX_NAMES && (ApiNames.isOne(name) || words.length == 1 && ApiNames.isIdentifier(name))) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static String[] words(String query) {
    return query.strip().split("\\s+");
  }

  private static int count(String word, char c) {
    return (int) word.chars().filter(x -> x == c).count();
  }

  /** The name in a word: without +, (, ), quotes, or a boost or fuzziness after it (^2, ~). */
  private static String trim(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && "+(\"".indexOf(word.charAt(from)) >= 0) {
      from++;
    }
    int mark = Math.max(word.lastIndexOf('^'), word.lastIndexOf('~'));
    if (mark >= from) {
      to = mark;
    }
    while (to > from && ")\"".indexOf(word.charAt(to - 1)) >= 0) {
      to--;
    }
    return word.substring(from, to);
  }

  /** Boosts pages with an id that is one of {@code names}; null when there are none. */
  static Query of(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder ids = new BooleanQuery.Builder();
    for (String name : names) {
      ids.add(new TermQuery(new Term(PageFields.ANCHORS, name)), BooleanClause.Occur.SHOULD);
    }
    return new BoostQuery(ids.build(), BOOST);
  }

  /**
   * The id, as the page writes it, of the first of {@code names} it defines: a hit links to the
   * definition itself, as a docs site's own search does. Null when it defines none.
   *
   * @param defined the page's API-name ids, one per line ({@code HitFields#definedNames})
   */
  static String anchorIn(String defined, List<String> names) {
    if (defined.isEmpty()) {
      return null;
    }
    String[] ids = defined.split("\n");
    for (String name : names) {
      for (String id : ids) {
        if (id.equalsIgnoreCase(name)) {
          return id;
        }
      }
      for (String id : ids) { // datetime.strftime for datetime.datetime.strftime; join has no tail
        if (name.indexOf('.') > 0 && id.length() > name.length() && id.charAt(id.length() - name.length() - 1) == '.'
            && id.regionMatches(true, id.length() - name.length(), name, 0, name.length())) {
          return id;
        }
      }
    }
    return null;
  }
}
