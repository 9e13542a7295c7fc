package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queries {@code report} and the live status page make. Every call blocks on the database:
 * make them from a worker thread, never from an event loop.
 */
public interface HistoryReader {

  /** Every target that has history, by name. */
  List<TargetInfo> targets();

  /**
   * Each target's checks in the window, counted in one pass, with the window cut into
   * {@code buckets} equal time buckets for charts. Targets without checks there are left out.
   */
  List<TargetHistory> aggregate(HistoryQuery query, int buckets);

  /**
   * As {@link #aggregate(HistoryQuery, int)}, with time buckets {@code width} wide from {@code
   * origin}, at or before the window's start, as many as cover it: the first may start before the
   * window and the last reach past its end; only the window's checks are counted. A chart's legend
   * can then say "per 30s" rather than "per 709ms", and its buckets start at round times.
   */
  List<TargetHistory> aggregate(HistoryQuery query, Instant origin, Duration width);

  /**
   * When the oldest check or state change still held was recorded, of one target or (null) of
   * all; empty when there is none. A report's charts start there when it is inside their window.
   */
  Optional<Instant> firstRecord(String target);

  /**
   * The state changes in the window, oldest first, each target's led by its last change before
   * the window, so the state at the window's start is known.
   */
  List<StateChangeRecord> stateChanges(HistoryQuery query);

  /**
   * Per target, when its latest {@code count} checks before {@code before} began and how long each
   * took, newest first, however long ago: where what is known of it ends, and how often it was
   * checked.
   */
  Map<String, List<CheckTime>> latestChecks(Instant before, int count);

  /**
   * Per target named in {@code from}, the gaps in its checks that end after its time there, up to
   * {@code until}, oldest first. A gap is a space between consecutive checks longer than {@code
   * intervals} intervals, where the interval beside it is the smallest of the four spaces on each
   * side, the larger of the two sides, or longer than as many times the check before it took, when
   * that took longer (a check that runs to a long timeout delays the next: no gap). Reads every
   * check time of those targets from there, from an index; targets without gaps are left out.
   */
  Map<String, List<CheckGap>> checkGaps(Map<String, Instant> from, Instant until, int intervals);

  /**
   * Per target named in {@code every}, with how often it is checked, the gaps in its checks across
   * the stretches in which no target was checked at all (a watch stopped, the machine slept) that
   * end after {@code from}, up to {@code until}, oldest first; each measured as {@link #checkGaps}
   * measures it. Found by jumping along an index on check times, twice the shortest interval at a
   * time, and reading a few checks of each target around each stretch: far fewer rows than {@link
   * #checkGaps}, which also finds a gap of one target while others were checked (taken out of the
   * config and put back). Targets without gaps, or with no interval (zero), are left out.
   */
  Map<String, List<CheckGap>> stopGaps(Map<String, Duration> every, Instant from, Instant until, int intervals);

  /**
   * Whether a watch is adding to this history now. One that was killed is not: the operating
   * system dropped its lock on the folder. When that cannot be told, true.
   */
  boolean watchRunning();

  /** Per target, the certificate expiry its latest TLS check in the window saw. */
  Map<String, Instant> latestCertificateExpiry(HistoryQuery query);

  /** Per target, its last recorded state change, to resume from after a restart. */
  Map<String, StateChangeRecord> lastStates();

  /**
   * Per target, when an alert about it was last handed to a webhook, delivered or not: a watch
   * that restarts reminds of a target still DOWN a reminder period after that, not at once.
   */
  Map<String, Instant> lastAlerts();

  /** Per target, its latest check before {@code before}, however long ago: what it was last seen doing. */
  Map<String, CheckOutcome> latestOutcomes(Instant before);

  /**
   * For each stretch, whose query names its target, the failed checks (DOWN, TIMEOUT or ERROR) in
   * it, in the order given: why an incident happened. One walk of the target's index each.
   */
  List<FailedChecks> failedChecks(List<HistoryQuery> stretches);

  /** Failed alert deliveries in the window, oldest first; not the alerts replaced before they were sent. */
  List<DeliveryRecord> failedDeliveries(HistoryQuery query);

  /**
   * Alerts a watch began to deliver and did not see delivered or failed at every webhook (it was
   * killed meanwhile), oldest first; none in a history no watch of 2026-12-07 or later opened.
   */
  List<PendingAlertRecord> pendingAlerts();
}
