package dev.sitepulse.crawler.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The names that definition terms define under an id of another form. PostgreSQL's DocBook ids
 * each setting, libpq function and storage parameter on a {@code <dt>} by a prefix and the name
 * upper-cased, {@code -} for {@code _}: {@code <dt id="GUC-MAX-CONNECTIONS">max_connections
 * (integer)}, {@code LIBPQ-PQSENDQUERY} for PQsendQuery. Sphinx's {@code <dt id="zip">} is the name
 * as written, which the id alone tells. A term without an id names what it opens with at its
 * section ({@link SectionTerm}) when that is code: Sphinx's signature name ({@code
 * class="sig-name"}, {@code descname} before Sphinx 4) after its prefix ({@code list.} of {@code
 * list.append}), or a {@code <code>} or {@code <tt>} element; "Return value", a plain term, names
 * nothing. Terms do not nest: one is read at a time.
 */
final class DefinitionTerms {
  private final Map<String, String> names = new HashMap<>();
  private final List<SectionTerm> sectionTerms = new ArrayList<>();
  private Element open;
  private String openId; // null for a term without one
  private String openSection;
  private int start; // where the open term's text starts in the page's text

  void enter(Element dt, String id, int textLength) {
    if (open == null && !isGlossaryTerm(id)) {
      open(dt, id, null, textLength);
    }
  }

  /** A term without an id, in the section of {@code sectionId}; empty for none, which names nothing. */
  void enterWithoutId(Element dt, String sectionId, int textLength) {
    if (open == null && !sectionId.isEmpty()) {
      open(dt, null, sectionId, textLength);
    }
  }

  private void open(Element dt, String id, String sectionId, int textLength) {
    open = dt;
    openId = id;
    openSection = sectionId;
    start = textLength;
  }

  /** Called at every element's end: cheap for all but the open term. */
  void exit(Element el, CollapsingText text) {
    if (el != open) {
      return;
    }
    String word = text.wordAt(start);
    if (openId == null) {
      if (!word.isEmpty() && opensWithCode(el, word)) {
        sectionTerms.add(new SectionTerm(word, openSection));
      }
    } else if (!word.equals(openId) && isName(word) && spells(openId, word)) {
      names.put(openId, word);
    }
    open = null;
  }

  Map<String, String> names() {
    return names;
  }

  List<SectionTerm> sectionTerms() {
    return sectionTerms;
  }

  /** Whether the term's first code element is where {@code word} ends, or starts with it. */
  private static boolean opensWithCode(Element dt, String word) {
    for (Element e : dt.getAllElements()) {
      if (e.hasClass("sig-prename") || e.hasClass("descclassname")) {
        continue; // the list. of list.append, which the word starts with
      }
      boolean code = e.hasClass("sig-name") || e.hasClass("descname")
          || e.normalName().equals("code") || e.normalName().equals("tt");
      if (code) {
        String written = e.text().strip();
        return !written.isEmpty() && (word.endsWith(written) || written.startsWith(word));
      }
    }
    return false;
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
