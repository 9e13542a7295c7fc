package dev.sitepulse.cli.report;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Shortened;
import dev.sitepulse.pinger.format.TextTable;
import dev.sitepulse.pinger.format.TextTable.Cell;
import dev.sitepulse.pinger.format.TextTable.Column;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as aligned columns for a terminal, one line per target, then the incidents. */
final class TableReport {

  private static final List<Column> TARGET_COLUMNS =
      TargetColumn.ALL.stream().map(c -> new Column(c.header(), c.right())).toList();
  private static final List<Column> INCIDENT_COLUMNS =
      List.of(left("TARGET"), left("DOWN FROM"), left("UNTIL"), left("FOR"), right("FAILED"), left("REASON"));

  private TableReport() {}

  /** Targets the checks-stopped line names; JSON and the page list them all. */
  static final int STOPPED_SHOWN = 10;

  /**
   * The targets whose checks stopped, in the table's order, those of one shown time together:
   * {@code api, home at T1; shop at T2}, and past {@value #STOPPED_SHOWN} names how many more. A
   * stopped watch stops every target at once, each after its own last check: 1000 targets made
   * one line of 33,000 characters.
   */
  static String stoppedChecks(List<TargetReport> targets) {
    Map<String, List<String>> byTime = new LinkedHashMap<>();
    int named = 0;
    int more = 0;
    for (TargetReport t : targets) {
      if (t.checksStopped() == null) {
        continue;
      }
      if (named == STOPPED_SHOWN) {
        more++;
        continue;
      }
      named++;
      // One line, as in the cells: a newline in a name must not start a line of its own.
      byTime.computeIfAbsent(Figures.time(t.checksStopped()), k -> new ArrayList<>()).add(text(t.name()));
    }
    List<String> groups = new ArrayList<>();
    byTime.forEach((at, names) -> groups.add(String.join(", ", names) + " at " + at));
    return String.join("; ", groups) + (more > 0 ? "; and " + more + " more" : "");
  }

  static void write(Report r, PrintStream out) {
    out.println("sitepulse report " + Figures.time(r.since()) + " to " + Figures.time(r.until()) + ", "
        + Figures.window(r) + ": " + Amounts.count(r.targets().size(), "target")
        + ", " + Amounts.count(r.checks(), "check") + ", availability " + Figures.percent(r.availability()) + ", "
        + Amounts.count(r.incidents(), "incident"));
    out.println();
    if (r.targets().isEmpty()) { // as the HTML page says it, rather than a header over nothing
      out.println("No checks in this window.");
    } else {
      TextTable targets = new TextTable(TARGET_COLUMNS);
      for (TargetReport t : r.targets()) {
        targets.add(TargetColumn.ALL.stream()
            .map(c -> Cell.plain(c == TargetColumn.NAME || c == TargetColumn.LAST_MESSAGE ? text(c.value().apply(t))
                : c.value().apply(t))).toList());
      }
      targets.lines().forEach(out::println);
    }
    String stopped = stoppedChecks(r.targets());
    if (!stopped.isEmpty()) {
      out.println("Checks stopped, STATE as last seen: " + stopped);
    }
    if (r.incidents() > 0) {
      TextTable incidents = new TextTable(INCIDENT_COLUMNS);
      for (TargetReport t : r.targets()) {
        for (Incident i : t.incidents()) {
          incidents.add(cells(text(t.name()), Figures.incidentStart(i), Figures.incidentEnd(i),
              Figures.incidentLength(i, r.since()), Long.toString(i.failed().count()),
              text(Figures.incidentReason(i))));
        }
      }
      out.println();
      incidents.lines().forEach(out::println);
    }
    if (!r.failedAlerts().isEmpty()) {
      out.println();
      int failed = r.failedAlerts().size();
      out.println(failed + (failed == 1 ? " alert delivery" : " alert deliveries") + " failed; see --format json or html");
    }
  }

  /**
   * Columns a name, title or message takes at most in a table (JSON and the page have it whole): a
   * server or a config may make one thousands of characters long, every row as wide.
   */
  static final int TEXT_COLUMNS = 60;
  /** Columns a URL takes at most: wider than other text, as a URL cut short is one to copy no more. */
  static final int URL_COLUMNS = 100;

  /** A name, title or message, on one line of at most {@link #TEXT_COLUMNS}. */
  static String text(String s) {
    return Shortened.columns(s, TEXT_COLUMNS);
  }

  /** A URL, on one line of at most {@link #URL_COLUMNS}. */
  static String url(String s) {
    return Shortened.columns(s, URL_COLUMNS);
  }

  static List<Cell> cells(String... texts) {
    return Arrays.stream(texts).map(Cell::plain).toList();
  }

  static Column left(String header) {
    return new Column(header, false);
  }

  static Column right(String header) {
    return new Column(header, true);
  }
}
