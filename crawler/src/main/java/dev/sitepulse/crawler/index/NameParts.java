package dev.sitepulse.crawler.index;

/**
 * The parts of the dotted names a text writes, for {@link PageFields#NAME_PARTS}: the tokenizer
 * keeps {@code dgram.createSocket} and {@code json.dumps} whole, so a method's own name,
 * {@code createSocket}, found nothing on a page that writes it only after its module. A field of
 * its own, not parts stacked on the body's words, where phrases and proximity would find "circle
 * area" in every {@code shapes.Circle.area}.
 */
final class NameParts {

  /** Letters, digits and '_' below 128, looked up: a page's every character is asked. */
  private static final boolean[] ASCII_NAME_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_NAME_CHAR[c] = c == '_' || Character.isLetterOrDigit(c);
    }
  }

  private NameParts() {}

  /**
   * The parts that have a letter, space-separated, in order: "dgram createSocket json dumps".
   * Read from an array: the body's 10M characters on the Python docs, through String.charAt and
   * Character.isLetterOrDigit, were 2% of a cold crawl's CPU.
   */
  static String of(char[] text) {
    StringBuilder parts = new StringBuilder();
    int length = text.length;
    int i = 0;
    while (i < length) {
      if (!isNameChar(text[i])) {
        i++;
        continue;
      }
      int start = i;
      boolean dotted = false;
      while (i < length && (isNameChar(text[i]) || text[i] == '.' && i + 1 < length && isNameChar(text[i + 1]))) {
        dotted |= text[i] == '.';
        i++;
      }
      if (dotted) {
        addParts(text, start, i, parts);
      }
    }
    return parts.toString();
  }

  private static void addParts(char[] text, int start, int end, StringBuilder parts) {
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text[i] == '.') {
        if (hasLetter(text, from, i)) {
          parts.append(parts.length() == 0 ? "" : " ").append(text, from, i - from);
        }
        from = i + 1;
      }
    }
  }

  private static boolean hasLetter(char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(text[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return c < 128 ? ASCII_NAME_CHAR[c] : Character.isLetterOrDigit(c);
  }
}
