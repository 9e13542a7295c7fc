package dev.sitepulse.crawler.index;

import java.util.Locale;

/**
 * A glossary's entries, which explain a word rather than define a name: Sphinx's
 * {@code <dt id="term-decorator">}, DocBook's {@code <dt id="GLOSSARY-VACUUM">}. A query that is
 * the entry's term finds it: the Python docs' glossary, a page of 128 entries and many links, came
 * 23rd for {@code decorator} (the stemmer's {@code decor} also matched the Sorting HOWTO's
 * "decorate"). Each entry is kept by its key, the term as its id spells it after {@code ?}:
 * {@code ?decorator}, {@code ?context-manager}.
 */
public final class GlossaryTerms {
  private static final String SPHINX = "term-";
  private static final String DOCBOOK = "glossary-";
  /** Terms of more words are no query anyone types whole. */
  private static final int MAX_WORDS = 4;

  private GlossaryTerms() {}

  /** Whether a definition term's {@code id} is a glossary's entry. */
  public static boolean isEntry(String id) {
    return id.regionMatches(true, 0, DOCBOOK, 0, DOCBOOK.length()) || id.startsWith(SPHINX);
  }

  /** The key of the entry a definition term's {@code id} makes, or null when it is none. */
  static String ofId(String id) {
    if (!isEntry(id)) {
      return null;
    }
    String term = id.substring(id.indexOf('-') + 1);
    return term.isEmpty() || term.length() > 100 ? null : "?" + term.toLowerCase(Locale.ROOT);
  }

  /**
   * The key of the entry a query names when it is nothing but one to four words of letters and
   * digits, joined as the id joins them ({@code context manager}, {@code f-string}); else null.
   */
  public static String ofQuery(String query) {
    String[] words = query.strip().split("[\\s-]+");
    if (words.length == 0 || words.length > MAX_WORDS) {
      return null;
    }
    for (String word : words) {
      if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
        return null;
      }
    }
    return "?" + String.join("-", words).toLowerCase(Locale.ROOT);
  }
}
