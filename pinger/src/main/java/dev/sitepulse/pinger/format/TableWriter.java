package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.format.TextTable.Cell;
import dev.sitepulse.pinger.format.TextTable.Column;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Aligned columns for a person at a terminal, then a one-line summary. */
final class TableWriter implements ResultWriter {

  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";

  private final PrintStream out;
  private final boolean color;

  TableWriter(PrintStream out, boolean color) {
    this.out = out;
    this.color = color;
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    List<Row> rows = results.stream().map(Row::of).toList();
    // A NAME column only earns its width when some target was given a name of its own.
    boolean named = rows.stream().anyMatch(r -> !r.name().equals(r.url()));
    TextTable table = new TextTable(columns(named));
    for (Row row : rows) {
      table.add(cells(row, named));
    }
    table.lines().forEach(out::println);
    out.println(summaryLine(summary));
    out.flush();
  }

  private static List<Column> columns(boolean named) {
    List<Column> columns = new ArrayList<>();
    if (named) {
      columns.add(new Column("NAME", false));
    }
    columns.add(new Column("VERDICT", false));
    for (String header : List.of("STATUS", "TOTAL ms", "DNS", "CONNECT", "TLS", "PROC", "XFER", "BYTES")) {
      columns.add(new Column(header, true));
    }
    columns.add(new Column("URL", false));
    columns.add(new Column("REASON", false));
    return columns;
  }

  private List<Cell> cells(Row row, boolean named) {
    List<Cell> cells = new ArrayList<>();
    if (named) {
      cells.add(Cell.plain(row.name().equals(row.url()) ? "" : row.name()));
    }
    cells.add(new Cell(row.verdict().name(), color ? colorOf(row.verdict()) : null));
    cells.add(Cell.plain(row.status() == null ? "" : row.status().toString()));
    TimingsMs t = row.timings();
    for (BigDecimal ms : List.of(t.total(), t.dns(), t.connect(), t.tls(), t.processing(), t.transfer())) {
      cells.add(Cell.plain(String.format(Locale.ROOT, "%.1f", ms)));
    }
    cells.add(Cell.plain(Long.toString(row.bytes())));
    cells.add(Cell.plain(row.url()));
    cells.add(Cell.plain(row.reason()));
    return cells;
  }

  private static String colorOf(Verdict verdict) {
    return switch (verdict) {
      case UP -> GREEN;
      case DEGRADED -> YELLOW;
      case DOWN, TIMEOUT, ERROR -> RED;
    };
  }

  private static String summaryLine(RunSummary summary) {
    int total = summary.total();
    return String.format(
        Locale.ROOT,
        "%d %s: %d up, %d degraded, %d down, %d timeout, %d error in %.2f s",
        total,
        total == 1 ? "check" : "checks",
        summary.count(Verdict.UP),
        summary.count(Verdict.DEGRADED),
        summary.count(Verdict.DOWN),
        summary.count(Verdict.TIMEOUT),
        summary.count(Verdict.ERROR),
        summary.wallTime().toNanos() / 1e9);
  }
}
