package dev.sitepulse.cli.report;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One column of the targets table, which the terminal's table and the HTML page both write: the
 * table's header (short, upper case), the page's (spelt out), the page's class for its cells, the
 * side it is aligned to, and what it shows of a target.
 *
 * @param cssClass null for the page's first two columns, whose cells it writes its own way
 */
record TargetColumn(String header, String heading, String cssClass, boolean right, Function<TargetReport, String> value) {

  /** The name; the page adds the URL under it. */
  static final TargetColumn NAME = new TargetColumn("TARGET", "Target", null, false, TargetReport::name);
  /** The state last seen; the page shows it as a pill, with where its checks stopped. */
  static final TargetColumn STATE = new TargetColumn("STATE", "State", null, false, TargetReport::state);
  /** What its latest check said when not UP; the table cuts it short, the page has it whole. */
  static final TargetColumn LAST_MESSAGE = new TargetColumn("LAST MESSAGE", "Last message", "message", false,
      t -> t.lastProblem() == null ? Figures.NONE : t.lastProblem());
  /** The columns after those two: figures both write as they are (but for the message, cut short in the table). */
  static final List<TargetColumn> FIGURES = List.of(
      new TargetColumn("AVAIL", "Availability", "availability", true, t -> Figures.percent(t.availability())),
      new TargetColumn("CHECKS", "Checks", "checks", true, t -> Long.toString(t.checks())),
      new TargetColumn("INCIDENTS", "Incidents", "incidents", true, t -> Integer.toString(t.incidents().size())),
      new TargetColumn("DOWNTIME", "Downtime", "downtime", true, t -> Figures.duration(t.downtime())),
      new TargetColumn("P50 MS", "p50 ms", "p50", true, t -> Figures.millis(t.latency().p50(), t.latency().count())),
      new TargetColumn("P95 MS", "p95 ms", "p95", true, t -> Figures.millis(t.latency().p95(), t.latency().count())),
      new TargetColumn("P99 MS", "p99 ms", "p99", true, t -> Figures.millis(t.latency().p99(), t.latency().count())),
      new TargetColumn("MAX MS", "max ms", "max", true, t -> Figures.millis(t.latency().max(), t.latency().count())),
      new TargetColumn("STATUS CODES", "Status codes", "statuses", false, t -> Figures.counts(t.statuses())),
      new TargetColumn("ERRORS", "Errors", "errors", false, TargetColumn::errors),
      new TargetColumn("TLS EXPIRY", "TLS expiry", "tls", false, t -> Figures.day(t.tlsExpiry())),
      LAST_MESSAGE);

  /**
   * Why checks failed, then how many the circuit held back and how many sitepulse could not start:
   * not sent, so no error of the site.
   */
  private static String errors(TargetReport t) {
    StringJoiner out = new StringJoiner(" ");
    if (!t.errors().isEmpty()) {
      out.add(Figures.counts(t.errors()));
    }
    if (t.availability().heldBack() > 0) {
      out.add("held back×" + t.availability().heldBack());
    }
    if (t.availability().notStarted() > 0) {
      out.add("not started×" + t.availability().notStarted());
    }
    return out.length() == 0 ? Figures.NONE : out.toString();
  }

  /** All of them, in order. */
  static final List<TargetColumn> ALL = Stream.concat(Stream.of(NAME, STATE), FIGURES.stream()).toList();
}
