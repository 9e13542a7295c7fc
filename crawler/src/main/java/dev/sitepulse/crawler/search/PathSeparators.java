package dev.sitepulse.crawler.search;

/**
 * Rust's and C++'s path separator read as a dot: {@code HashMap::entry} is {@code HashMap.entry},
 * the name as the index knows it ({@link DefinedNames}), where Lucene's grammar took "HashMap"
 * for a field and failed on the second colon. Only between a name's characters, and outside
 * phrases, regular expressions, ranges and escapes: {@code title:x} is a field still, and a quoted
 * "HashMap::entry" the text as written.
 */
final class PathSeparators {

  private PathSeparators() {}

  static String dotted(String query) {
    if (!query.contains("::")) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int copied = 0; // query[0, copied) is in out
    boolean inPhrase = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inPhrase = !inPhrase;
      } else if (inPhrase) {
        // text
      } else if (c == '/') {
        i = QueryWords.regexEnd(query, i);
      } else if (c == '[' || c == '{') {
        i = QueryWords.rangeEnd(query, i);
      } else if (c == ':' && i > 0 && isNamePart(query.charAt(i - 1)) && query.startsWith("::", i)
          && i + 2 < query.length() && isNameStart(query.charAt(i + 2))) {
        out.append(query, copied, i).append('.');
        copied = i + 2;
        i++;
      }
    }
    return out.append(query, copied, query.length()).toString();
  }

  private static boolean isNamePart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || Character.isLetter(c);
  }
}
