package dev.sitepulse.crawler.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Words written as API docs write the names they define: dotted ({@code os.path.join}), with an
 * underscore ({@code lru_cache}) or camel-cased ({@code KeyError}). Sphinx, javadoc and rustdoc
 * give each definition an element id of its name; the index keeps only such ids (a page's other
 * ids are mostly slugs of its headings, hundreds a page), and search looks only such words up.
 */
public final class ApiNames {

  private ApiNames() {}

  /**
   * Dot-separated parts, each a letter or _ and then letters, digits or _, with a letter
   * somewhere; and dotted, underscored, or with a capital after a part's first letter in a word
   * that has small letters too ({@code KeyError}, {@code OSError}, not {@code KEYWORDS}).
   */
  public static boolean isOne(String word) {
    if (!isIdentifier(word)) {
      return false;
    }
    boolean innerCapital = false;
    boolean small = false;
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      innerCapital |= i > 0 && word.charAt(i - 1) != '.' && Character.isUpperCase(c);
      small |= Character.isLowerCase(c);
      letter |= Character.isLetter(c);
    }
    boolean dottedOrUnderscored = word.indexOf('.') >= 0 || word.indexOf('_') >= 0;
    return letter && (dottedOrUnderscored || innerCapital && small);
  }

  /** {@code a.b.c.d}'s tails of two parts or more: {@code b.c.d} and {@code c.d}. */
  public static List<String> dottedTails(String name) {
    List<String> tails = new ArrayList<>();
    int dot = name.indexOf('.');
    while (dot >= 0 && name.indexOf('.', dot + 1) >= 0) {
      tails.add(name.substring(dot + 1));
      dot = name.indexOf('.', dot + 1);
    }
    return tails;
  }

  /** How Sphinx marks where a module is defined: {@code <section id="module-socket">}. */
  private static final String MODULE_ID = "module-";

  /**
   * The module a Sphinx id such as {@code module-socket} defines, or null. Sphinx also makes
   * {@code module-contents} of a heading "Module contents", so the name must be in the page's
   * title too, as a module's page title starts with it ("socket — Low-level networking interface").
   */
  public static String moduleDefinedBy(String id, String pageTitle) {
    if (!id.startsWith(MODULE_ID)) {
      return null;
    }
    String name = id.substring(MODULE_ID.length());
    return isIdentifier(name) && isWordOf(name, pageTitle) ? name : null;
  }

  /**
   * Whether {@code text} has {@code name} in any case as a word of its own, not part of a longer
   * name: "socket — Low-level networking interface" has socket, "os.path — …" no path.
   */
  public static boolean isWordOf(String name, String text) {
    for (int at = 0; at + name.length() <= text.length(); at++) {
      if (text.regionMatches(true, at, name, 0, name.length())
          && !partOfName(text, at - 1) && !partOfName(text, at + name.length())) {
        return true;
      }
    }
    return false;
  }

  /** Dot-separated parts, each a letter or _ and then letters, digits or _: a name, shaped or not. */
  public static boolean isIdentifier(String word) {
    boolean partStart = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '.' ? partStart : !(c == '_' || (partStart ? Character.isLetter(c) : Character.isLetterOrDigit(c)))) {
        return false;
      }
      partStart = c == '.';
    }
    return !partStart;
  }

  private static boolean partOfName(String s, int i) {
    return i >= 0 && i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.');
  }
}
