package dev.sitepulse.pinger.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines up columns of text, by the columns a terminal gives each character ({@link DisplayWidth}).
 * A cell may carry an ANSI colour, which wraps its text but takes no width, so coloured and plain
 * tables line up the same. Control characters in a cell's text (a newline in a target's name, a
 * tab in a server's reason) become spaces: a row is one line.
 */
public final class TextTable {

  private static final String GAP = "  ";
  private static final String RESET = "\u001b[0m";
  /**
   * {@link #CONTROL_CHARS} but the bidirectional marks, for a regular expression's character class:
   * what must go wherever a site's text is written, as the marks need not ({@link #isBidiMark}).
   */
  public static final String CONTROL_CHARS_BUT_MARKS = "\\p{Cc}\\u2028-\\u202E\\u2066-\\u2069";
  /**
   * The characters {@link #isControl} names, for a regular expression's character class: C0 and C1
   * controls, the line and paragraph separators, and the bidirectional marks, embeddings,
   * overrides and isolates.
   */
  public static final String CONTROL_CHARS = CONTROL_CHARS_BUT_MARKS + "\\u061C\\u200E\\u200F";

  private static final Pattern CONTROLS = Pattern.compile("[" + CONTROL_CHARS + "]+");

  public record Column(String header, boolean rightAligned) {}

  /** @param ansi the colour escape to wrap the text in, null for none */
  public record Cell(String text, String ansi) {

    public Cell {
      text = oneLine(text);
    }

    public static Cell plain(String text) {
      return new Cell(text, null);
    }
  }

  private final List<Column> columns;
  private final List<List<Cell>> rows = new ArrayList<>();

  public TextTable(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  public void add(List<Cell> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + columns.size() + " columns");
    }
    rows.add(List.copyOf(row));
  }

  /** The header and the rows, one line each; the last column is not padded. */
  public List<String> lines() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = width(columns.get(c).header());
      for (List<Cell> row : rows) {
        widths[c] = Math.max(widths[c], width(row.get(c).text()));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(columns.stream().map(col -> Cell.plain(col.header())).toList(), widths));
    for (List<Cell> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private String line(List<Cell> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      boolean last = c == cells.size() - 1;
      String padding = " ".repeat(widths[c] - width(cell.text()));
      if (c > 0) {
        sb.append(GAP);
      }
      if (columns.get(c).rightAligned()) {
        sb.append(padding);
      }
      sb.append(cell.ansi() == null ? cell.text() : cell.ansi() + cell.text() + RESET);
      if (!columns.get(c).rightAligned() && !last) {
        sb.append(padding);
      }
    }
    return sb.toString().stripTrailing();
  }

  /** Control characters as spaces: they would break the line or, as escapes, the terminal. */
  public static String oneLine(String text) {
    return text.chars().anyMatch(TextTable::isControl) ? CONTROLS.matcher(text).replaceAll(" ") : text;
  }

  /**
   * A C0 or C1 control (newlines, ESC, U+009B), a line or paragraph separator (U+2028, U+2029,
   * which editors and some terminals break a line at), or a bidirectional mark, embedding,
   * override or isolate (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069): in a site's
   * text, an override would turn the rest of the line around, the URL after a title too, and a
   * right-to-left mark moves the punctuation beside it.
   */
  public static boolean isControl(int c) {
    return Character.isISOControl(c) || isBidiMark(c) || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
  }

  /**
   * A bidirectional mark (U+061C, U+200E, U+200F): normal in right-to-left titles, and with no
   * scope, so it cannot turn text after it around as an override does: it moves the neutral
   * characters beside it within its paragraph. On a terminal line that is the next column too, so
   * a table blanks it; in an HTML page a paragraph ends at its block (a cell), and a Nagios label
   * is the name its graphs are kept by, so they keep it.
   */
  public static boolean isBidiMark(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F;
  }

  private static int width(String text) {
    return DisplayWidth.of(text);
  }
}
