package dev.sitepulse.crawler.parse;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The names that definition terms define under an id of another form. PostgreSQL's DocBook ids
 * each setting, libpq function and storage parameter on a {@code <dt>} by a prefix and the name
 * upper-cased, {@code -} for {@code _}: {@code <dt id="GUC-MAX-CONNECTIONS">max_connections
 * (integer)}, {@code LIBPQ-PQSENDQUERY} for PQsendQuery. Sphinx's {@code <dt id="zip">} is the name
 * as written, which the id alone tells. Terms do not nest: one is read at a time.
 */
final class DefinitionTerms {
  private final Map<String, String> names = new HashMap<>();
  private Element open;
  private String openId;
  private int start; // where the open term's text starts in the page's text

  void enter(Element dt, String id, int textLength) {
    if (open == null && !isGlossaryTerm(id)) {
      open = dt;
      openId = id;
      start = textLength;
    }
  }

  /** Called at every element's end: cheap for all but the open term. */
  void exit(Element el, CollapsingText text) {
    if (el != open) {
      return;
    }
    String word = text.wordAt(start);
    if (!word.equals(openId) && isName(word) && spells(openId, word)) {
      names.put(openId, word);
    }
    open = null;
  }

  Map<String, String> names() {
    return names;
  }

  /**
   * Whether the id ends with the name, letters compared in any case and {@code -} and {@code _}
   * skipped, and what comes before it is nothing or ends with a {@code -}: GUC-WORK-MEM spells
   * work_mem and PGTYPESDATEFROMASC PGTYPESdate_from_asc; SQL-ROLLBACK-CHAIN does not spell AND.
   */
  static boolean spells(String id, String name) {
    int i = id.length() - 1;
    int n = name.length() - 1;
    while (n >= 0) {
      while (i >= 0 && isJoiner(id.charAt(i))) {
        i--;
      }
      while (n >= 0 && isJoiner(name.charAt(n))) {
        n--;
      }
      if (n < 0) {
        break;
      }
      if (i < 0 || Character.toLowerCase(id.charAt(i)) != Character.toLowerCase(name.charAt(n))) {
        return false;
      }
      i--;
      n--;
    }
    return i < 0 || id.charAt(i) == '-';
  }

  /**
   * A glossary's entry (DocBook's {@code GLOSSARY-VACUUM}, Sphinx's {@code term-iterator}) explains
   * a word; it defines no name a query of that word should be sent to ahead of its reference page.
   */
  private static boolean isGlossaryTerm(String id) {
    return id.regionMatches(true, 0, "glossary-", 0, 9) || id.startsWith("term-");
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '_';
  }

  /** A letter or _, then letters, digits or _: an identifier of C, SQL or a configuration file. */
  static boolean isName(String word) {
    if (word.isEmpty() || !(Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
