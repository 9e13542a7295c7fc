package dev.sitepulse.crawler.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Whether a body without a Content-Type starts as HTML does: the WHATWG MIME Sniffing Standard's
 * HTML signatures (section 7.1), which browsers use to render such a page. A server that sends no
 * type leaves the choice to its client (RFC 9110, section 8.3).
 */
final class HtmlSignature {
  private static final List<byte[]> TAGS = List.of("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT",
      "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P",
      "<!--").stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private HtmlSignature() {}

  /** Whitespace, then one of the tags in any case, then a space or {@code >}. */
  static boolean matches(byte[] body) {
    int i = startsWith(body, UTF8_BOM, 0) ? UTF8_BOM.length : 0;
    while (i < body.length && isWhitespace(body[i])) {
      i++;
    }
    for (byte[] tag : TAGS) {
      int end = i + tag.length;
      if (startsWith(body, tag, i) && end < body.length && (body[end] == ' ' || body[end] == '>')) {
        return true;
      }
    }
    return false;
  }

  /** ASCII case-insensitive; {@code prefix} is upper case. */
  private static boolean startsWith(byte[] body, byte[] prefix, int at) {
    if (at + prefix.length > body.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      int b = body[at + j];
      if ((b >= 'a' && b <= 'z' ? b - 32 : b) != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWhitespace(byte b) {
    return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
  }
}
