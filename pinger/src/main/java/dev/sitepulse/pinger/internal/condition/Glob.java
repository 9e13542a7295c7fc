package dev.sitepulse.pinger.internal.condition;

import java.util.Arrays;
import java.util.List;

/**
 * {@code pat(glob)}: {@code *} matches any run of characters (across lines), {@code ?} one
 * character (a code point), everything else itself, and the glob must cover the whole value.
 *
 * <p>Not a regular expression: with two stars a backtracking regex takes quadratic time or worse
 * to fail on a large body, long enough to turn a fast answer into a TIMEOUT. Here each piece
 * between stars is placed at its first fit after the one before, which is enough because a star
 * can absorb whatever an earlier fit leaves over; a piece is never looked for twice, so the time
 * grows with the length of the value times that of the glob at worst.
 *
 * @param first must start the value
 * @param middle must follow in order, each anywhere after the one before
 * @param last must end the value; null when the glob has no star, as {@code first} is all of it
 */
record Glob(String text, GlobPiece first, List<GlobPiece> middle, GlobPiece last)
    implements Expected {

  static Glob compile(String text, String glob) {
    if (glob.indexOf('[') >= 0 || glob.indexOf('\\') >= 0) {
      // Gatus matches with Go's filepath.Match, where 2[0-9][0-9] is any 2xx: read as text it
      // would mean another thing and fail where Gatus holds.
      throw new InvalidConditionException(text + ": sitepulse's pat() knows * and ? only, not the"
          + " [character classes] and \\ escapes of Gatus's; write the value another way, e.g. with"
          + " several conditions or any(...)");
    }
    // Runs of stars mean what one star does; pieces between them may be empty.
    String[] pieces = glob.split("\\*+", -1);
    GlobPiece first = GlobPiece.of(pieces[0]);
    if (pieces.length == 1) {
      return new Glob(text, first, List.of(), null);
    }
    List<GlobPiece> middle =
        Arrays.stream(pieces, 1, pieces.length - 1).map(GlobPiece::of).toList();
    return new Glob(text, first, middle, GlobPiece.of(pieces[pieces.length - 1]));
  }

  @Override
  public boolean matches(Literal actual) {
    String value = actual.text();
    int at = first.matchAt(value, 0);
    if (at < 0) {
      return false;
    }
    if (last == null) {
      return at == value.length();
    }
    for (GlobPiece piece : middle) {
      at = piece.findEndFrom(value, at);
      if (at < 0) {
        return false;
      }
    }
    int start = last.startBefore(value, value.length());
    return start >= at && last.matchAt(value, start) == value.length();
  }
}
