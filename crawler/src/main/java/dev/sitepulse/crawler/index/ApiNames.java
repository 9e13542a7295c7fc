package dev.sitepulse.crawler.index;

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
    boolean dottedOrUnderscored = false;
    boolean innerCapital = false;
    boolean small = false;
    boolean letter = false;
    boolean partStart = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '.') {
        if (partStart) {
          return false;
        }
        dottedOrUnderscored = true;
        partStart = true;
      } else if (c == '_' || (partStart ? Character.isLetter(c) : Character.isLetterOrDigit(c))) {
        dottedOrUnderscored |= c == '_';
        innerCapital |= !partStart && Character.isUpperCase(c);
        small |= Character.isLowerCase(c);
        letter |= Character.isLetter(c);
        partStart = false;
      } else {
        return false;
      }
    }
    return !partStart && letter && (dottedOrUnderscored || innerCapital && small);
  }
}
