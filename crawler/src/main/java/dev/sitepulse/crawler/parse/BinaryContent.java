package dev.sitepulse.crawler.parse;

import java.util.Locale;

/**
 * Whether a body is binary, whatever its Content-Type says: the WHATWG MIME Sniffing Standard's
 * "binary data bytes" (0x00-0x08, 0x0B, 0x0E-0x1A, 0x1C-0x1F; section 7.1) in its first 1445 bytes,
 * the resource header the standard sniffs. A real page may hold a stray control character or two,
 * so it takes 1 in 100 of them (and at least 2) to call the body binary; random bytes have about 1
 * in 9. UTF-16 and UTF-32 text is full of NULs: a byte-order mark or a charset naming either is text.
 */
final class BinaryContent {
  private static final int HEADER = 1445;

  private BinaryContent() {}

  /** @param charset the Content-Type's charset, or null */
  static boolean detected(byte[] body, String charset) {
    if (body == null || wideText(body, charset)) {
      return false;
    }
    int examined = Math.min(body.length, HEADER);
    int binary = 0;
    for (int i = 0; i < examined; i++) {
      if (isBinaryDataByte(body[i])) {
        binary++;
      }
    }
    return binary >= 2 && binary * 100 >= examined;
  }

  private static boolean wideText(byte[] body, String charset) {
    if (charset != null) {
      String name = charset.toUpperCase(Locale.ROOT);
      if (name.contains("UTF-16") || name.contains("UTF-32") || name.contains("UCS")) {
        return true;
      }
    }
    return body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
  }

  private static boolean isBinaryDataByte(byte b) {
    return b >= 0x00 && b <= 0x08 || b == 0x0B || b >= 0x0E && b <= 0x1A || b >= 0x1C && b <= 0x1F;
  }
}
