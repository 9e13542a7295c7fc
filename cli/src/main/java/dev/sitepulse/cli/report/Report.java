package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.DeliveryRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A report over {@code since} to {@code until}: every target's figures, and alerts that failed.
 *
 * @param coversWholeHistory whether the report covers the whole history, which began later than the
 *     window asked for: {@code since} is then its first record, or a minute before {@code until}
 *     when the history is younger than that
 */
public record Report(Instant since, Instant until, boolean coversWholeHistory, List<TargetReport> targets,
    List<DeliveryRecord> failedAlerts) {

  public long checks() {
    return targets.stream().mapToLong(TargetReport::checks).sum();
  }

  public long incidents() {
    return targets.stream().mapToLong(t -> t.incidents().size()).sum();
  }

  /** How many of all checks reached their target. */
  public Availability availability() {
    return targets.stream().map(TargetReport::availability).reduce(Availability.NO_CHECKS, Availability::plus);
  }

  /** The target whose certificate expires first, if any uses TLS. */
  public TargetReport soonestTlsExpiry() {
    return targets.stream().filter(t -> t.tlsExpiry() != null)
        .min(Comparator.comparing(TargetReport::tlsExpiry)).orElse(null);
  }

  public Report {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    targets = List.copyOf(targets);
    failedAlerts = List.copyOf(failedAlerts);
  }
}
