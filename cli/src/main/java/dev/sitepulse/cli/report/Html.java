package dev.sitepulse.cli.report;

import dev.sitepulse.cli.Shortened;
import dev.sitepulse.pinger.format.OneLine;

/**
 * Escapes text for HTML and SVG, in element content and in quoted attributes alike. Every string
 * that comes from outside (target names, URLs, error messages) goes through here, so a hostile
 * one is shown, never run. Controls show as U+FFFD, as the table drops them: C1 controls and DEL
 * are not allowed in HTML, and a page title's bidirectional override would turn its text around.
 */
final class Html {

  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        // A bidi mark is kept: normal in a right-to-left title, it reaches no further than its block.
        default -> OneLine.isControl(c) && !OneLine.isBidiMark(c) && c != '\n' && c != '\t' ? "\uFFFD" : null;
      };
      if (rep != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** At most {@code max} characters, with an ellipsis when cut; escaped. */
  static String shortened(String s, int max) {
    if (s == null) {
      return "";
    }
    return escape(Shortened.of(s, max));
  }
}
