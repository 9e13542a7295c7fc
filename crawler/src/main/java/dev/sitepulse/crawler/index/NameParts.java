package dev.sitepulse.crawler.index;

/**
 * The parts of the dotted names a text writes, for {@link PageFields#NAME_PARTS}: the tokenizer
 * keeps {@code dgram.createSocket} and {@code json.dumps} whole, so a method's own name,
 * {@code createSocket}, found nothing on a page that writes it only after its module. A field of
 * its own, not parts stacked on the body's words, where phrases and proximity would find "circle
 * area" in every {@code shapes.Circle.area}.
 */
final class NameParts {

  private NameParts() {}

  /** The parts that have a letter, space-separated, in order: "dgram createSocket json dumps". */
  static String of(String text) {
    StringBuilder parts = new StringBuilder();
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isNameChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean dotted = false;
      while (i < length && (isNameChar(text.charAt(i))
          || text.charAt(i) == '.' && i + 1 < length && isNameChar(text.charAt(i + 1)))) {
        dotted |= text.charAt(i) == '.';
        i++;
      }
      if (dotted) {
        addParts(text, start, i, parts);
      }
    }
    return parts.toString();
  }

  private static void addParts(String text, int start, int end, StringBuilder parts) {
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        if (hasLetter(text, from, i)) {
          parts.append(parts.length() == 0 ? "" : " ").append(text, from, i);
        }
        from = i + 1;
      }
    }
  }

  private static boolean hasLetter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
