package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report's inline SVG charts: availability bars, the incident timeline and latency over time.
 * Every label from outside is escaped; paths are built from numbers only.
 */
final class Charts {

  /** Charts show at most this many targets, the worst first; the table has them all. */
  static final int MAX_CHARTED = 50;

  private static final double WIDTH = 760;
  private static final double LABEL = 210;
  private static final double ROW = 22;
  private static final int LABEL_CHARS = 30;

  private Charts() {}

  /** The targets a chart shows: all of them, or the first {@link #MAX_CHARTED} in {@code worstFirst}'s order. */
  static List<TargetReport> charted(List<TargetReport> targets, Comparator<TargetReport> worstFirst) {
    return targets.size() <= MAX_CHARTED ? targets : targets.stream().sorted(worstFirst).limit(MAX_CHARTED).toList();
  }

  static Comparator<TargetReport> byAvailability() {
    return Comparator.comparing((TargetReport t) -> t.availability().known() ? t.availability().share() : 2.0)
        .thenComparing(TargetReport::name);
  }

  static String availability(List<TargetReport> targets) {
    double barSpace = WIDTH - LABEL - 70;
    Svg svg = new Svg("chart availability", WIDTH, targets.size() * ROW + 4, "Availability per target");
    for (int i = 0; i < targets.size(); i++) {
      TargetReport t = targets.get(i);
      double y = i * ROW + 4;
      svg.text(LABEL - 8, y + 14, "label", Html.shortened(t.name(), LABEL_CHARS));
      svg.rect(LABEL, y, barSpace, ROW - 6, "track", null);
      if (t.availability().known()) {
        double share = t.availability().share();
        String level = share >= 0.999 ? "good" : share >= 0.99 ? "fair" : "poor";
        svg.rect(LABEL, y, barSpace * share, ROW - 6, "bar " + level,
            t.name() + ": " + Figures.percent(t.availability()) + " of " + t.checks() + " checks");
      }
      svg.text(LABEL + barSpace + 6, y + 13, "value", Html.escape(Figures.percent(t.availability())));
    }
    return svg.toString();
  }

  static String timeline(List<TargetReport> targets, Instant since, Instant until) {
    double plot = WIDTH - LABEL - 10;
    double top = 22;
    Svg svg = new Svg("chart timeline", WIDTH, top + targets.size() * ROW + 4, "States over time per target");
    axis(svg, since, until, plot, top);
    double span = Math.max(1, Duration.between(since, until).toMillis());
    for (int i = 0; i < targets.size(); i++) {
      TargetReport t = targets.get(i);
      double y = top + i * ROW + 2;
      svg.text(LABEL - 8, y + 13, "label", Html.shortened(t.name(), LABEL_CHARS));
      for (StatePeriod p : t.periods()) {
        double x = LABEL + plot * Duration.between(since, p.start()).toMillis() / span;
        double w = plot * Duration.between(p.start(), p.end()).toMillis() / span;
        svg.rect(x, y, w, ROW - 6, "state s-" + p.state().toLowerCase(Locale.ROOT),
            t.name() + ": " + p.state() + " " + Figures.time(p.start()) + " to " + Figures.time(p.end()) + " ("
                + Figures.duration(Duration.between(p.start(), p.end())) + ")");
      }
    }
    return svg.toString();
  }

  /** The most ticks the timeline's axis has, so that labels a day and time long stay apart. */
  static final int MAX_TICKS = 7;
  /** About how wide a character of a tick label is, in the chart's units, to keep labels inside it. */
  private static final double TICK_CHAR = 6;

  /**
   * Ticks at round times, a readable step apart (at least a sixth of the span, so at most {@value
   * #MAX_TICKS}, each a seventh of the plot or more from the next); a label that would run past the
   * chart's right edge is left out, its tick kept. Each label is one no other repeats: seconds
   * only for steps under a minute, the date from a span of a day on (24h began and ended at 12:15,
   * --since 2d read 12:15 20:15 04:15 12:15), the date alone once a step is a day or more. In UTC,
   * as every time of the report, and said so.
   */
  private static void axis(Svg svg, Instant since, Instant until, double plot, double top) {
    long span = Math.max(1, Duration.between(since, until).toMillis());
    Duration step = TimeSteps.atLeast(Duration.ofMillis((span + MAX_TICKS - 2) / (MAX_TICKS - 1)));
    String pattern = step.compareTo(Duration.ofDays(1)) >= 0 ? "MM-dd'Z'"
        : span >= Duration.ofDays(1).toMillis() ? "MM-dd HH:mm'Z'"
        : step.compareTo(Duration.ofMinutes(1)) >= 0 ? "HH:mm'Z'" : "HH:mm:ss'Z'";
    DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    for (Instant t = TimeSteps.roundUp(since, step); !t.isAfter(until); t = t.plus(step)) {
      double x = LABEL + plot * Duration.between(since, t).toMillis() / span;
      svg.line(x, top - 4, x, top + 2, "tick");
      String label = f.format(t);
      if (x + label.length() * TICK_CHAR / 2 <= WIDTH) {
        svg.text(x, top - 8, "tick-label", Html.escape(label));
      }
    }
  }

  /**
   * One target's latency per time bucket: the mean as a line, the maximum as a fainter one. The
   * axis runs from the report's start to its end, {@code since} to {@code until}; buckets start at
   * round times, so the first and last may lie partly outside it, and each is drawn at the middle
   * of its part inside.
   */
  static String latency(TargetReport t, Instant since, Instant until) {
    double w = 360;
    double h = 110;
    double left = 46;
    double right = w - 8;
    double top = 8;
    double bottom = h - 22;
    TimeSeries s = t.series();
    double peak = 0;
    for (int i = 0; i < s.buckets(); i++) {
      peak = Math.max(peak, s.latencyMaxMicros()[i] / 1000.0);
    }
    double scale = niceCeiling(peak);
    Svg svg = new Svg("chart latency", w, h, "Latency over time of " + t.name());
    svg.line(left, bottom, right, bottom, "axis").line(left, top, left, bottom, "axis");
    svg.text(left - 4, top + 8, "tick-label end", Html.escape(Svg.n(scale) + " ms"));
    svg.text(left - 4, bottom, "tick-label end", "0");
    svg.text(left, h - 6, "tick-label start", Html.escape(Figures.time(since)));
    svg.text(right, h - 6, "tick-label end", Html.escape(Figures.time(until)));
    double span = Math.max(1, Duration.between(since, until).toMillis());
    StringBuilder mean = new StringBuilder();
    StringBuilder max = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < s.buckets(); i++) {
      if (s.latencyCount()[i] == 0) {
        drawing = false;
        continue;
      }
      Instant from = max(s.bucketStart(i), since);
      Instant to = min(s.bucketStart(i + 1), until);
      double x = left + (right - left) * (Duration.between(since, from).toMillis()
          + Duration.between(from, to).toMillis() / 2.0) / span;
      double avg = s.latencySumMicros()[i] / 1000.0 / s.latencyCount()[i];
      // A move is followed by a zero-length line, so a lone bucket still shows as a dot.
      String op = drawing ? "L" : "M";
      String dot = drawing ? "" : "l0 0";
      mean.append(op).append(Svg.n(x)).append(' ').append(Svg.n(y(avg, scale, top, bottom))).append(dot);
      max.append(op).append(Svg.n(x)).append(' ')
          .append(Svg.n(y(s.latencyMaxMicros()[i] / 1000.0, scale, top, bottom))).append(dot);
      drawing = true;
    }
    if (mean.length() == 0) {
      svg.text((left + right) / 2, (top + bottom) / 2, "tick-label", "no responses");
    }
    svg.path(max.toString(), "max").path(mean.toString(), "mean");
    return svg.toString();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static double y(double ms, double scale, double top, double bottom) {
    return bottom - (bottom - top) * Math.min(ms / scale, 1);
  }

  /** 1, 2 or 5 times a power of ten, at least v. */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
