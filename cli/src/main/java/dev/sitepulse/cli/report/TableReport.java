package dev.sitepulse.cli.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The report as aligned columns for a terminal, one line per target, then the incidents. */
final class TableReport {

  private static final String[] HEADERS = {"TARGET", "STATE", "AVAIL", "CHECKS", "INCIDENTS", "DOWNTIME",
      "P50 MS", "P95 MS", "P99 MS", "MAX MS", "STATUS CODES", "ERRORS", "TLS EXPIRY"};
  private static final boolean[] RIGHT = {false, false, true, true, true, true, true, true, true, true, false,
      false, false};

  private TableReport() {}

  static void write(Report r, PrintStream out) {
    out.println("sitepulse report " + Figures.time(r.since()) + " to " + Figures.time(r.until()) + " ("
        + Figures.duration(Duration.between(r.since(), r.until())) + "): " + Figures.count(r.targets().size(), "target")
        + ", " + Figures.count(r.checks(), "check") + ", availability " + Figures.percent(r.availability()) + ", "
        + Figures.count(r.incidents(), "incident"));
    out.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (TargetReport t : r.targets()) {
      Latency l = t.latency();
      rows.add(new String[] {t.name(), t.state(), Figures.percent(t.availability()), Long.toString(t.checks()),
          Integer.toString(t.incidents().size()), Figures.duration(t.downtime()),
          Figures.millis(l.p50(), l.count()), Figures.millis(l.p95(), l.count()),
          Figures.millis(l.p99(), l.count()), Figures.millis(l.max(), l.count()),
          Figures.counts(t.statuses()), Figures.counts(t.errorKinds()), Figures.day(t.tlsExpiry())});
    }
    print(rows, out);
    List<String[]> incidents = new ArrayList<>();
    incidents.add(new String[] {"TARGET", "DOWN FROM", "UNTIL", "FOR"});
    for (TargetReport t : r.targets()) {
      for (Incident i : t.incidents()) {
        incidents.add(new String[] {t.name(), Figures.time(i.start()),
            i.ongoing() ? "still down" : Figures.time(i.end()), Figures.duration(i.duration())});
      }
    }
    if (incidents.size() > 1) {
      out.println();
      print(incidents, out);
    }
    if (!r.failedAlerts().isEmpty()) {
      out.println();
      out.println(r.failedAlerts().size() + " alert deliveries failed; see --format json or html");
    }
  }

  private static void print(List<String[]> rows, PrintStream out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String pad = " ".repeat(width[c] - row[c].codePointCount(0, row[c].length()));
        boolean right = columns == HEADERS.length && RIGHT[c];
        line.append(right ? pad + row[c] : c == columns - 1 ? row[c] : row[c] + pad);
        if (c < columns - 1) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
