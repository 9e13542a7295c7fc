package dev.sitepulse.pinger.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up columns of text, by the columns a terminal gives each character ({@link DisplayWidth}).
 * A cell may carry an ANSI colour, which wraps its text but takes no width, so coloured and plain
 * tables line up the same. Control characters in a cell's text (a newline in a target's name, a
 * tab in a server's reason) become spaces ({@link OneLine}): a row is one line.
 */
public final class TextTable {

  private static final String GAP = "  ";
  private static final String RESET = "\u001b[0m";

  public record Column(String header, boolean rightAligned) {}

  /** @param ansi the colour escape to wrap the text in, null for none */
  public record Cell(String text, String ansi) {

    public Cell {
      text = OneLine.of(text);
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

  private static int width(String text) {
    return DisplayWidth.of(text);
  }
}
