package dev.sitepulse.crawler.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds a {@code <meta charset>} or http-equiv Content-Type charset in the first bytes of a page,
 * as the WHATWG prescan does (HTML, "prescan a byte stream to determine its encoding"): comments
 * and other tags' attributes are skipped, only a meta's {@code charset} attribute or the
 * {@code content} of one with {@code http-equiv="Content-Type"} counts (not "charset=" in a
 * description), a name this Java does not know is passed over, UTF-16 in any form means UTF-8 (the
 * declaration was just read as ASCII, so the page cannot be UTF-16; UTF-32 likewise) and
 * {@code x-user-defined} windows-1252.
 *
 * <p>Why not jsoup: given no charset, it parses the first 5 KB into a throwaway document to look
 * for the meta tag, then parses again: ~6% of parse time on a docs crawl where the server sends a
 * bare "text/html"; and it takes a declared UTF-16 as given, decoding ASCII as UTF-16. When the scan
 * finds nothing, jsoup still decides. A byte-order mark wins over either in jsoup.
 */
final class CharsetSniffer {
  /** The window jsoup itself inspects; a declaration after it is ignored by both. */
  private static final int WINDOW = 5 * 1024;

  private final byte[] body;
  private final int end;
  private int pos;

  private CharsetSniffer(byte[] body) {
    this.body = body;
    this.end = Math.min(body.length, WINDOW);
  }

  /** The supported charset the page declares in its first 5 KB, or null. */
  static String declared(byte[] body) {
    return new CharsetSniffer(body).scan();
  }

  private String scan() {
    while (pos < end) {
      if (body[pos] != '<') {
        pos++;
      } else if (startsWith("<!--")) {
        int close = indexOf("-->", pos + 2); // "<!-->" closes at once, as in the prescan
        pos = close < 0 ? end : close + 3;
      } else if (startsWith("<meta") && pos + 5 < end && (isSpace(body[pos + 5]) || body[pos + 5] == '/')) {
        pos += 5;
        String charset = meta();
        if (charset != null) {
          return charset;
        }
      } else if (pos + 1 < end && isLetter(body[pos + 1])
          || pos + 2 < end && body[pos + 1] == '/' && isLetter(body[pos + 2])) {
        while (pos < end && !isSpace(body[pos]) && body[pos] != '>') {
          pos++;
        }
        while (attribute() != null) {
          // another tag's attributes: a "<meta" in a value is text
        }
      } else if (pos + 1 < end && (body[pos + 1] == '!' || body[pos + 1] == '/' || body[pos + 1] == '?')) {
        int close = indexOf(">", pos + 1);
        pos = close < 0 ? end : close + 1;
      } else {
        pos++;
      }
    }
    return null;
  }

  /** Reads a meta tag's attributes; the charset it declares, or null. */
  private String meta() {
    boolean charsetAttribute = false;
    boolean contentSeen = false;
    boolean contentType = false;
    String charset = null;
    String fromContent = null;
    for (String[] a = attribute(); a != null; a = attribute()) {
      switch (a[0]) {
        case "http-equiv" -> contentType |= a[1].equalsIgnoreCase("content-type");
        case "content" -> {
          if (!contentSeen) {
            contentSeen = true;
            fromContent = charsetInContent(a[1]);
          }
        }
        case "charset" -> {
          if (!charsetAttribute) {
            charsetAttribute = true;
            charset = a[1];
          }
        }
        default -> { }
      }
    }
    String name = charsetAttribute ? charset : contentType ? fromContent : null;
    return name == null ? null : usable(name.strip());
  }

  /**
   * The next attribute of the tag at {@code pos} as {name lower-cased, value}, or null at the
   * tag's end; {@code pos} is then past its {@code >}.
   */
  private String[] attribute() {
    while (pos < end && (isSpace(body[pos]) || body[pos] == '/')) {
      pos++;
    }
    if (pos >= end || body[pos] == '>') {
      pos++;
      return null;
    }
    int nameStart = pos;
    do {
      pos++;
    } while (pos < end && body[pos] != '=' && !isSpace(body[pos]) && body[pos] != '/' && body[pos] != '>');
    String name = ascii(nameStart, pos).toLowerCase(Locale.ROOT);
    while (pos < end && isSpace(body[pos])) {
      pos++;
    }
    if (pos >= end || body[pos] != '=') {
      return new String[] {name, ""};
    }
    pos++;
    while (pos < end && isSpace(body[pos])) {
      pos++;
    }
    if (pos < end && (body[pos] == '"' || body[pos] == '\'')) {
      byte quote = body[pos++];
      int valueStart = pos;
      while (pos < end && body[pos] != quote) {
        pos++;
      }
      String value = ascii(valueStart, pos);
      pos++;
      return new String[] {name, value};
    }
    int valueStart = pos;
    while (pos < end && !isSpace(body[pos]) && body[pos] != '>') {
      pos++;
    }
    return new String[] {name, ascii(valueStart, pos)};
  }

  /** The charset in a Content-Type value, {@code text/html; charset="koi8-r"}, or null. */
  static String charsetInContent(String content) {
    String lower = content.toLowerCase(Locale.ROOT);
    for (int at = lower.indexOf("charset"); at >= 0; at = lower.indexOf("charset", at)) {
      int i = at + "charset".length();
      while (i < lower.length() && isSpace((byte) lower.charAt(i))) {
        i++;
      }
      if (i >= lower.length() || lower.charAt(i) != '=') {
        at = i;
        continue;
      }
      i++;
      while (i < lower.length() && isSpace((byte) lower.charAt(i))) {
        i++;
      }
      if (i < lower.length() && (lower.charAt(i) == '"' || lower.charAt(i) == '\'')) {
        int close = content.indexOf(lower.charAt(i), i + 1);
        return close < 0 ? null : content.substring(i + 1, close);
      }
      int j = i;
      while (j < lower.length() && !isSpace((byte) lower.charAt(j)) && lower.charAt(j) != ';') {
        j++;
      }
      return j > i ? content.substring(i, j) : null;
    }
    return null;
  }

  /** The name a declaration comes to, or null for one this Java does not know. */
  private static String usable(String name) {
    if (name.equalsIgnoreCase("x-user-defined")) {
      return "windows-1252";
    }
    if (!isSupported(name)) {
      return null;
    }
    String canonical = Charset.forName(name).name().toUpperCase(Locale.ROOT);
    boolean asciiIncompatible = canonical.contains("UTF-16") || canonical.contains("UTF-32");
    return asciiIncompatible ? "UTF-8" : name;
  }

  /** Whether the bytes at {@code pos} are {@code lowercase}, in any case. */
  private boolean startsWith(String lowercase) {
    if (pos + lowercase.length() > end) {
      return false;
    }
    for (int j = 0; j < lowercase.length(); j++) {
      int b = body[pos + j];
      if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowercase.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** ASCII case-insensitive search for a lowercase {@code needle} from {@code from}. */
  private int indexOf(String needle, int from) {
    int last = end - needle.length();
    outer:
    for (int i = from; i <= last; i++) {
      for (int j = 0; j < needle.length(); j++) {
        int b = body[i + j];
        if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != needle.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private String ascii(int from, int to) {
    return new String(body, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  private static boolean isLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  static boolean isSupported(String name) {
    try {
      return !name.isEmpty() && Charset.isSupported(name);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
