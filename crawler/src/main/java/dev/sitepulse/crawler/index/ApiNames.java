package dev.sitepulse.crawler.index;

/**
 * Words written as API docs write the names they define: dotted ({@code os.path.join}), with an
 * underscore ({@code lru_cache}) or camel-cased ({@code KeyError}). Sphinx, javadoc and rustdoc
 * give each definition an element id of its name; the index keeps only such ids (a page's other
 * ids are mostly slugs of its headings, hundreds a page), and search looks only such words up.
 */
public final class ApiNames {

  private ApiNames() {}

  /** Dot-separated parts, each a letter or _ and then letters, digits or _; and shaped as above. */
  public static boolean isOne(String word) {
    boolean shaped = false;
    boolean partStart = true;
    char previous = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '.') {
        if (partStart) {
          return false;
        }
        shaped = true;
        partStart = true;
      } else if (c == '_' || (partStart ? Character.isLetter(c) : Character.isLetterOrDigit(c))) {
        shaped |= c == '_' || Character.isLowerCase(previous) && Character.isUpperCase(c);
        partStart = false;
      } else {
        return false;
      }
      previous = c;
    }
    return shaped && !partStart;
  }
}
