package dev.sitepulse.crawler.search;

/**
 * A query as code writes names, read as the classic grammar can take it. Rust's and C++'s path
 * separator is a dot: {@code HashMap::entry} is {@code HashMap.entry}, the name as the index knows
 * it ({@link DefinedNames}), where the grammar took "HashMap" for a field and failed on the second
 * colon. A call's empty brackets make the name a phrase: {@code IndexWriter.commit()} reads as
 * {@code "IndexWriter.commit()"}, where the grammar failed on an empty group; quoted, the name
 * still counts as called. Both only right after a name's characters, and outside phrases,
 * regular expressions, ranges and escapes: {@code title:x} is a field still, a quoted
 * "HashMap::entry" the text as written, and {@code title:commit()} becomes
 * {@code title:"commit()"}.
 */
final class CodeSpelling {

  private CodeSpelling() {}

  static String read(String query) {
    if (!query.contains("::") && !query.contains("()")) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length() + 8);
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
      } else if (c == '(' && i > 0 && isNamePart(query.charAt(i - 1)) && query.startsWith("()", i)) {
        out.append(query, copied, i);
        out.insert(nameStart(out), '"').append("()\"");
        copied = i + 2;
        i++;
      }
    }
    return out.append(query, copied, query.length()).toString();
  }

  /** Where the dotted name that {@code out} ends with starts. */
  private static int nameStart(StringBuilder out) {
    int start = out.length();
    while (start > 0 && (isNamePart(out.charAt(start - 1)) || out.charAt(start - 1) == '.')) {
      start--;
    }
    return start;
  }

  private static boolean isNamePart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || Character.isLetter(c);
  }
}
