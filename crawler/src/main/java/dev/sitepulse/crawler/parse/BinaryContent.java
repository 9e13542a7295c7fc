package dev.sitepulse.crawler.parse;

import java.util.Locale;

/**
 * Whether a body is binary, whatever its Content-Type says: the WHATWG MIME Sniffing Standard's
 * "binary data bytes" (0x00-0x08, 0x0B, 0x0E-0x1A, 0x1C-0x1F; section 7.1) in its first 1445 bytes,
 * the resource header the standard sniffs. A browser renders whatever comes as text/html as HTML,
 * and jsoup refuses only input with many NULs: a page with a few stray control characters (two in
 * a short page's title, Word's vertical tabs) is still a page whose links a user follows. So it
 * takes 1 in 20 of them, and at least 8, to call the body binary: compressed data (an image, a
 * gzipped page served without its Content-Encoding) has about 1 in 9, and the headers of images
 * and archives are full of NULs. UTF-16 and UTF-32 text is full of NULs too: a byte-order mark or
 * a charset naming either is text.
 */
final class BinaryContent {
  private static final int HEADER = 1445;
  private static final int AT_LEAST = 8;
  private static final int ONE_IN = 20;

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
    return binary >= AT_LEAST && binary * ONE_IN >= examined;
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
