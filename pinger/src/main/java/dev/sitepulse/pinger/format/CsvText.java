package dev.sitepulse.pinger.format;

/**
 * Text for a CSV cell that a spreadsheet will open, the one rule of every CSV sitepulse writes
 * ({@link CsvRows}): a name from a config, a URL, a server's reason or a page's link text alike.
 */
public final class CsvText {

  /** What a spreadsheet takes a cell starting with for a formula (OWASP's CSV injection list). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvText() {}

  /**
   * The text on one line, each run of control characters (a line break, a tab, an escape code's
   * ESC, a BEL) and bidirectional overrides as one space, as the table shows it ({@link OneLine}):
   * a terminal that {@code cat}s the file, or a spreadsheet, would run or reverse them. Then a '
   * before a leading =, +, -, @, which would make the cell a formula ({@code =cmd|' /C calc'!A0});
   * a spreadsheet shows the ' as a text marker. Other text is returned as it is.
   */
  public static String cell(String text) {
    String line = OneLine.of(text);
    return !line.isEmpty() && FORMULA_STARTS.indexOf(line.charAt(0)) >= 0 ? "'" + line : line;
  }
}
