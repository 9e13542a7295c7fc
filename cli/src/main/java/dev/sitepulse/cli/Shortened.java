package dev.sitepulse.cli;

/** Text cut to fit a line or a label: an ellipsis when cut, never half of an emoji. */
public final class Shortened {

  private Shortened() {}

  /** {@code s} if it has at most {@code max} chars, else its first ones and "…", {@code max} in all at most. */
  public static String of(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end).stripTrailing() + "…";
  }
}
