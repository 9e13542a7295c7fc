package dev.sitepulse.crawler.links;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A link's #fragment as the id it names. URLDecoder is for form data and wrong here: it turns
 * '+' into a space and throws on a '%' that starts no escape, which one careless href on a site
 * would turn into a failed check.
 */
final class Fragments {

  private Fragments() {}

  /** %XX escapes decoded as UTF-8; '+' and a '%' that starts no escape stay as written. */
  static String percentDecoded(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    // '%' and hex digits are ASCII, never part of a multi-byte UTF-8 sequence: bytes are safe.
    byte[] in = fragment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      int high = i + 2 < in.length ? hex(in[i + 1]) : -1;
      int low = i + 2 < in.length ? hex(in[i + 2]) : -1;
      if (in[i] == '%' && high >= 0 && low >= 0) {
        out.write(high << 4 | low);
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F') {
      return (b | 0x20) - 'a' + 10;
    }
    return -1;
  }
}
