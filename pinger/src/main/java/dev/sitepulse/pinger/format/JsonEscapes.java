package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The characters every JSON output escapes beyond what JSON requires, so that a site's or a
 * config's text cannot drive what shows it: the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), with which a name reads reversed in a terminal or a web view
 * ("Trojan Source"), the line and paragraph separators, at which editors and JavaScript break a
 * line, DEL and the C1 controls (U+009B is a terminal's CSI), much as {@link OneLine} keeps them
 * off a table's line. Each is written as a JSON escape, a backslash, {@code u} and four hex digits,
 * so a JSON reader reads the same text; all other non-ASCII stays UTF-8.
 */
final class JsonEscapes extends CharacterEscapes {

  static final JsonEscapes INSTANCE = new JsonEscapes();

  private static final int[] ASCII = standardAsciiEscapesForJSON();

  static {
    ASCII[0x7F] = ESCAPE_STANDARD;
  }

  private JsonEscapes() {}

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  /** Asked of every non-ASCII character of a string; null writes it as it is. */
  @Override
  public SerializableString getEscapeSequence(int c) {
    return escaped(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
  }

  static boolean escaped(int c) {
    return c >= 0x80 && c <= 0x9F || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
  }
}
