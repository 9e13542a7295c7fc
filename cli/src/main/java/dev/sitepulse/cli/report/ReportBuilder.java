package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckGap;
import dev.sitepulse.pinger.history.CheckOutcome;
import dev.sitepulse.pinger.history.CheckPace;
import dev.sitepulse.pinger.history.CheckTime;
import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.history.FailedChecks;
import dev.sitepulse.pinger.history.HistoryQuery;
import dev.sitepulse.pinger.history.HistoryReader;
import dev.sitepulse.pinger.history.StateChangeRecord;
import dev.sitepulse.pinger.history.TargetHistory;
import dev.sitepulse.pinger.history.TargetInfo;
import dev.sitepulse.pinger.history.TimeSeries;
import dev.sitepulse.pinger.watch.State;
import dev.sitepulse.pinger.watch.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Report} from the history: one aggregating pass over the window's checks, the
 * state changes for incidents, each target's latest checks and whether a watch runs (to tell what
 * is still being checked), and the percentiles from {@link LatencyStatistics}. Blocks on the
 * database; never call it on an event loop.
 */
public final class ReportBuilder {

  /** Time buckets of the latency chart, at most: each is a readable step at least the window / this long. */
  static final int BUCKETS = 120;
  /** The shortest window a report starting at the history's first record covers. */
  static final Duration MIN_SPAN = Duration.ofMinutes(1);
  /** A target's latest checks read for its interval: four gaps, so a skipped tick or a restart leaves a true one. */
  static final int LATEST_CHECKS = 5;
  /** Intervals without a check after which a target is taken as not checked, as a watch's alerts take it too. */
  static final int STALE_INTERVALS = CheckPace.STALE_INTERVALS;

  private final HistoryReader history;
  private final LatencyStatistics latencies;

  public ReportBuilder(HistoryReader history, LatencyStatistics latencies) {
    this.history = history;
    this.latencies = latencies;
  }

  /**
   * @param since where the window asked for starts; the report starts later when the history does
   *     (a watch begun an hour ago charted over a day would be a sliver at the right edge)
   * @param target one target's report, or null for all
   */
  public Report build(Instant since, Instant until, String target) {
    Instant first = history.firstRecord(target).orElse(since);
    Instant start = since;
    if (first.isAfter(since) && first.isBefore(until)) { // after it: a clock set back since
      Instant latest = until.minus(MIN_SPAN);
      start = first.isBefore(latest) ? first : latest.isAfter(since) ? latest : since;
    }
    return build(start, until, target, start.isAfter(since));
  }

  private Report build(Instant since, Instant until, String target, boolean coversWholeHistory) {
    HistoryQuery q = new HistoryQuery(since, until, target);
    Map<String, TargetHistory> checks = new HashMap<>();
    Duration bucket = bucketWidth(since, until);
    // At round times, as Grafana and Prometheus cut them: 10:05, 10:10, the first bucket partial.
    Instant origin = TimeSteps.roundDown(since, bucket);
    for (TargetHistory h : history.aggregate(q, origin, bucket)) {
      checks.put(h.target(), h);
    }
    Map<String, List<StateChangeRecord>> changes = new HashMap<>();
    for (StateChangeRecord c : history.stateChanges(q)) {
      changes.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Instant> certs = history.latestCertificateExpiry(q);
    Map<String, List<CheckTime>> latest = history.latestChecks(until, LATEST_CHECKS);
    Map<String, CheckOutcome> outcomes = history.latestOutcomes(until);
    boolean watchRunning = history.watchRunning();
    List<TargetInfo> named = history.targets().stream()
        .filter(t -> target == null || target.equals(t.name())).toList();
    Map<String, Duration> intervals = new HashMap<>(); // of the targets watched in this window
    for (TargetInfo t : named) {
      if (checks.containsKey(t.name()) || changes.containsKey(t.name())) {
        intervals.put(t.name(), interval(latest.getOrDefault(t.name(), List.of()), t.interval()));
      }
    }
    Map<String, List<CheckGap>> gaps = gaps(intervals, changes, checks, since, until);
    List<TargetReport> targets = new ArrayList<>();
    for (TargetInfo t : named) {
      if (!intervals.containsKey(t.name())) {
        continue; // not watched in this window
      }
      List<StateChangeRecord> c = changes.getOrDefault(t.name(), List.of());
      Checking checking = checking(latest.getOrDefault(t.name(), List.of()), intervals.get(t.name()), c, watchRunning,
          until, gaps.getOrDefault(t.name(), List.of()));
      targets.add(target(t, checks.get(t.name()), c, checking, certs.get(t.name()), outcomes.get(t.name()), origin,
          bucket, since, until));
    }
    targets = withFailedChecks(targets, until);
    // Deliveries recorded before webhook URLs were redacted hold them whole, tokens and all.
    List<DeliveryRecord> failed = history.failedDeliveries(q).stream()
        .map(d -> new DeliveryRecord(d.target(), d.at(), d.kind(), Webhook.shownSink(d.sink()), d.ok(),
            d.attempts(), d.error(), d.replaced()))
        .toList();
    return new Report(since, until, coversWholeHistory, targets, failed);
  }

  /**
   * Whether a target is still checked, so that what it was last seen doing may run on to now. Only
   * while a watch holds the history's folder: the operating system's lock, so a watch that stopped
   * or was killed counts at once, whereas going by silence alone would count a stopped watch's
   * targets as checked for a while. And only if that watch checked it within {@link
   * #STALE_INTERVALS} intervals, as one running on without it (taken out of the config) checks it no
   * more. Its interval ({@link #interval}) is the one the watch recorded, as the check times tell a
   * lengthened interval only some checks later, or the check times' where that is longer (checks
   * that outlast the interval and so are a tick or more apart); without a recorded one (a history
   * of an earlier version) and with fewer than two checks, or all in one millisecond, it is
   * unknown, and a running watch is taken to check it. Its last check is its latest row, or where retention left
   * none, its last state change. A last check that took longer than the interval (a site that began
   * to hang, each check running to its timeout, retries and back-offs included: {@link
   * CheckTime#took}) delays the next, so it is then within five times as long. Interval and
   * staleness are {@link CheckPace}'s, as for the gaps between checks.
   */
  private static Checking checking(List<CheckTime> latest, Duration interval, List<StateChangeRecord> changes,
      boolean watchRunning, Instant until, List<CheckGap> gaps) {
    Instant last = latest.isEmpty() ? null : latest.get(0).at();
    if (!changes.isEmpty() && (last == null || changes.get(changes.size() - 1).at().isAfter(last))) {
      last = changes.get(changes.size() - 1).at();
    }
    // With no check left, its last state change is as near as a check that took no time.
    long took = latest.isEmpty() ? 0 : latest.get(0).took().toMillis();
    boolean stale = last != null
        && CheckPace.overdue(Duration.between(last, until).toMillis(), interval.toMillis(), took, STALE_INTERVALS);
    return new Checking(last, interval, watchRunning && !stale, gaps);
  }

  /**
   * A target's interval: the one its watch recorded ({@code recorded}, null for none), or the one
   * its latest checks tell where that is longer; see {@link #checking}.
   */
  private static Duration interval(List<CheckTime> latest, Duration recorded) {
    Duration spaced = CheckPace.interval(latest);
    return recorded != null && recorded.compareTo(spaced) > 0 ? recorded : spaced;
  }

  /**
   * Each target's gaps, which the timeline shows. For one DOWN in the window, read from every
   * check time, as a gap splits its incidents and downtime, also where other targets were checked
   * meanwhile (it was taken out of the config and put back). For the others, the gaps across
   * stretches in which no target was checked (a watch stopped), found without reading every check
   * again: that took a third of a report over ten million checks; unless its time buckets show it
   * unchecked where no such stretch explains it ({@link UncheckedBuckets}): taken out of the config
   * and put back, it is then read from every check time too, or it would be drawn UP across that.
   *
   * @param intervals each target's interval, of those watched in the window
   */
  private Map<String, List<CheckGap>> gaps(Map<String, Duration> intervals,
      Map<String, List<StateChangeRecord>> changes, Map<String, TargetHistory> checks, Instant since, Instant until) {
    Map<String, Instant> down = new HashMap<>();
    Map<String, Duration> others = new HashMap<>();
    intervals.forEach((name, interval) -> {
      Instant from = downFrom(changes.getOrDefault(name, List.of()), since);
      if (from != null) {
        down.put(name, from);
      } else {
        others.put(name, interval);
      }
    });
    Map<String, List<CheckGap>> stops = history.stopGaps(others, since, until, STALE_INTERVALS);
    for (String name : others.keySet()) {
      TargetHistory h = checks.get(name);
      if (h != null && UncheckedBuckets.unexplained(h.series(), stops.getOrDefault(name, List.of()))) {
        down.put(name, since); // its stop gaps are among all those read
      }
    }
    Map<String, List<CheckGap>> gaps = new HashMap<>(stops);
    gaps.putAll(history.checkGaps(down, until, STALE_INTERVALS));
    return gaps;
  }

  /**
   * From when the gaps of a target DOWN in the window matter: the window's start, or, for one
   * DOWN then, where that incident began, as a gap before the window splits it too and it then
   * began after that gap; null for a target never DOWN in it.
   */
  private static Instant downFrom(List<StateChangeRecord> c, Instant since) {
    if (c.stream().noneMatch(change -> change.to().equals(State.DOWN.name()))) {
      return null;
    }
    boolean downAtStart = c.get(0).at().isBefore(since) && c.get(0).to().equals(State.DOWN.name());
    return downAtStart ? c.get(0).since() : since;
  }

  /** The latency chart's bucket: a readable step, so its legend says "per 10s", not "per 709ms". */
  static Duration bucketWidth(Instant since, Instant until) {
    return TimeSteps.atLeast(Duration.between(since, until).dividedBy(BUCKETS));
  }

  /** How many buckets {@code width} wide from {@code origin} cover the window, as the history's aggregate cuts it. */
  private static int buckets(Instant origin, Instant until, Duration width) {
    long span = Duration.between(origin, until).toMillis();
    return (int) Math.max(1, (span + width.toMillis() - 1) / width.toMillis());
  }

  /** Each incident with its failed checks, why it happened: all read on one connection. */
  private List<TargetReport> withFailedChecks(List<TargetReport> targets, Instant until) {
    List<HistoryQuery> stretches = new ArrayList<>();
    for (TargetReport t : targets) {
      t.incidents().forEach(i -> stretches.add(new HistoryQuery(i.start(), i.checkedUntil(until), t.name())));
    }
    List<FailedChecks> failed = history.failedChecks(stretches);
    List<TargetReport> out = new ArrayList<>();
    int n = 0;
    for (TargetReport t : targets) {
      List<Incident> incidents = new ArrayList<>();
      for (Incident i : t.incidents()) {
        incidents.add(i.withFailed(failed.get(n++)));
      }
      out.add(t.withIncidents(incidents));
    }
    return out;
  }

  private TargetReport target(TargetInfo t, TargetHistory h, List<StateChangeRecord> changes, Checking checking,
      Instant cert, CheckOutcome last, Instant origin, Duration bucket, Instant since, Instant until) {
    StatePeriods periods = StatePeriods.of(changes, since, until, checking);
    Duration downtime = periods.incidents().stream().map(Incident::duration).reduce(Duration.ZERO, Duration::plus);
    if (h == null) {
      TimeSeries empty = TimeSeries.empty(origin, bucket, buckets(origin, until, bucket));
      return new TargetReport(t.name(), t.url(), t.group(), periods.state(), checking.stoppedAt(), 0, Map.of(),
          Availability.NO_CHECKS, periods.incidents(), downtime, periods.periods(), Latency.NONE, Map.of(), Map.of(),
          cert, empty, last);
    }
    Availability availability = Availability.of(h);
    return new TargetReport(t.name(), t.url(), t.group(), periods.state(), checking.stoppedAt(), availability.checks(),
        verdicts(h), availability, periods.incidents(), downtime, periods.periods(), latency(h.latenciesMicros()),
        h.statuses(), errors(h), cert, h.series(), last);
  }

  /** The verdicts of the checks that count: an ERROR sitepulse could not start is not among them. */
  private static Map<Verdict, Long> verdicts(TargetHistory h) {
    long notCounted = Availability.notCounted(h);
    if (notCounted == 0) {
      return h.verdicts();
    }
    Map<Verdict, Long> counted = new EnumMap<>(h.verdicts());
    counted.computeIfPresent(Verdict.ERROR, (v, n) -> n == notCounted ? null : n - notCounted);
    return counted;
  }

  /**
   * A timeout is a verdict of its own, with no error kind (as ping and watch record it), so the
   * error kinds alone left a target that only timed out with no reason at all. A check its
   * circuit held back was not sent, nor was one sitepulse could not start, so each is listed
   * apart: {@link Availability#heldBack()} and {@link Availability#notStarted()} count them.
   */
  private static Map<String, Long> errors(TargetHistory h) {
    Map<String, Long> errors = new LinkedHashMap<>();
    long timeouts = h.count(Verdict.TIMEOUT);
    if (timeouts > 0) {
      errors.put(Verdict.TIMEOUT.name(), timeouts);
    }
    h.errorKinds().forEach((kind, n) -> {
      if (kind.sent()) {
        errors.put(kind.name(), n);
      }
    });
    return errors;
  }

  private Latency latency(int[] micros) {
    float[] millis = new float[micros.length];
    for (int i = 0; i < micros.length; i++) {
      millis[i] = micros[i] / 1000f;
    }
    return latencies.of(millis, 0, millis.length);
  }
}
