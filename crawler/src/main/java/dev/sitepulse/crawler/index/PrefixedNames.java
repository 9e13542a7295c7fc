package dev.sitepulse.crawler.index;

import java.util.Locale;
import java.util.Set;

/**
 * Names a definition term's id spells after a prefix ({@code <dt id="to3fixer-print">print}, the
 * 2to3 fixer; DocBook's {@code GUC-MAX-CONNECTIONS}): the prefix says the name is one of a kind of
 * things, where an id that is the name alone ({@code <dt id="print">}, the built-in) is its
 * definition. Each is kept after {@code -} ({@code -print}), a term apart from the names ids are,
 * so that search weighs it below the whole id, and BM25 weighs the whole id by the pages that
 * define it so alone: on the Python docs the fixers of print, input, filter and next came before
 * the built-ins, and for print the traceback module's page, titled "Print or retrieve a stack
 * traceback", came before both.
 */
public final class PrefixedNames {
  private static final String PREFIX = "-";

  private PrefixedNames() {}

  /**
   * The term of {@code name} (lower-cased, as the index keeps names) spelled after a prefix; null
   * for a dotted name or one with a mark of another kind ({@code .getcwd}, {@code ?decorator}),
   * which no definition term spells.
   */
  public static String term(String name) {
    return ApiNames.isIdentifier(name) && name.indexOf('.') < 0 ? PREFIX + name : null;
  }

  /**
   * The term of a definition term's {@code name} as written, lower-cased as the plain names are:
   * null where that is no name {@link #term} takes, as the Turkish {@code İd} is not ("i̇d", with
   * a combining dot), which then is indexed as any other name an id spells.
   */
  static String of(String name) {
    return term(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether {@code id}, which spells {@code name} ({@code parse.DefinitionTerms}), has more than
   * the name's letters and digits: a prefix before it. {@code WORK-MEM} spells work_mem whole.
   */
  static boolean spelledAfterPrefix(String id, String name) {
    return letters(id) > letters(name);
  }

  /** Drops from a page's {@code terms} each name spelled after a prefix that it defines whole too. */
  static void dropWhereWhole(Set<String> terms) {
    terms.removeIf(term -> term.startsWith(PREFIX) && terms.contains(term.substring(PREFIX.length())));
  }

  private static int letters(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      letters += Character.isLetterOrDigit(s.charAt(i)) ? 1 : 0;
    }
    return letters;
  }
}
