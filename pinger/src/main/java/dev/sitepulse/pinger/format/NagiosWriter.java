package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Verdict;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Plugin output as the Monitoring Plugins development guidelines define it: a status line with
 * performance data after a {@code |}, then one long-output line per target. The exit code is
 * left to the caller, from {@link RunSummary#worst()}. A run a stop cut short is UNKNOWN: the
 * targets not checked may be the ones down.
 */
final class NagiosWriter implements ResultWriter {

  private static final String[] STATES = {"OK", "WARNING", "CRITICAL"};

  private final PrintStream out;

  NagiosWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    String perfdata = perfdata(results);
    String first = !summary.complete()
        ? statusLine("UNKNOWN", stoppedText(results, summary.unfinished()))
        : statusLine(STATES[summary.worst().exitCode()], statusText(results));
    out.println(first + (perfdata.isEmpty() ? "" : " | " + perfdata));
    for (CheckResult r : results) {
      String status = r.status() == 0 ? "-" : Integer.toString(r.status());
      out.println(text(r.verdict() + " " + r.target().name() + " " + status + " "
          + seconds(r.phases().totalNanos()) + "s " + Row.of(r).reason()));
    }
    out.flush();
  }

  /** The status line before any perfdata: {@code SITEPULSE STATE - text}. */
  static String statusLine(String state, String text) {
    return "SITEPULSE " + state + " - " + text(text);
  }

  /** {@code stopped after 2 of 3 checks: 1 up, 1 failing: shop (DEGRADED)}. */
  private static String stoppedText(List<CheckResult> results, int unfinished) {
    String stopped = "stopped after " + results.size() + " of " + (results.size() + unfinished) + " checks";
    if (results.isEmpty()) {
      return stopped;
    }
    List<CheckResult> failing = failing(results);
    int up = results.size() - failing.size();
    return stopped + ": " + (failing.isEmpty() ? up + " up"
        : (up > 0 ? up + " up, " : "") + failing.size() + " failing: " + names(failing));
  }

  private static String statusText(List<CheckResult> results) {
    List<CheckResult> failing = failing(results);
    String checks = results.size() == 1 ? "check" : "checks";
    if (failing.isEmpty()) {
      return results.size() + " " + checks + " up";
    }
    return failing.size() + " of " + results.size() + " " + checks + " failing: " + names(failing);
  }

  private static List<CheckResult> failing(List<CheckResult> results) {
    return results.stream().filter(r -> r.verdict() != Verdict.UP).toList();
  }

  private static String names(List<CheckResult> failing) {
    return failing.stream().map(r -> r.target().name() + " (" + r.verdict() + ")").collect(Collectors.joining(", "));
  }

  /**
   * A time and a size per target. Nagios and Icinga keep one value per label, so a name that
   * cleans to a label already taken ({@code a|b} after {@code a=b}) gets {@code _2}, {@code _3}...
   */
  private static String perfdata(List<CheckResult> results) {
    Set<String> taken = new HashSet<>();
    StringJoiner items = new StringJoiner(" ");
    for (CheckResult r : results) {
      String clean = label(r.target().name());
      String label = clean;
      for (int n = 2; !taken.add(label); n++) {
        label = clean + "_" + n;
      }
      items.add("'" + label + "_time'=" + seconds(r.phases().totalNanos()) + "s;;;0");
      items.add("'" + label + "_size'=" + r.last().bodyBytes() + "B;;;0");
    }
    return items.toString();
  }

  /**
   * The guidelines forbid = and ' in a label; a | trips tools that split the status line on it,
   * a line break would end the line, and a bidi override would turn the rest of it around. A bidi
   * mark stays: it is part of a right-to-left name, and the label is the name graphs are kept by.
   */
  private static String label(String name) {
    return name.replaceAll("[='|" + OneLine.CONTROL_CHARS_BUT_MARKS + "]", "_");
  }

  /** A | would start performance data, a line break a new line of output; as in the table. */
  static String text(String s) {
    return OneLine.of(s.replace('|', '/'));
  }

  private static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
