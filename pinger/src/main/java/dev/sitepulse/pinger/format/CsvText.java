package dev.sitepulse.pinger.format;

/** Text for a CSV cell that a spreadsheet will open: ping's and links' CSV share the rule. */
public final class CsvText {

  /** What a spreadsheet takes a cell starting with for a formula (OWASP's CSV injection list). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvText() {}

  /**
   * The text with a ' before a leading =, +, -, @, tab or carriage return, which would make the
   * cell a formula ({@code =cmd|' /C calc'!A0}); a spreadsheet shows the ' as a text marker. Other
   * text is returned as it is.
   */
  public static String formulaSafe(String text) {
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
