package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.PendingAlertRecord;

/** An alert as the history keeps it while it is delivered, and back, the same text and body. */
final class PendingAlerts {

  private PendingAlerts() {}

  static PendingAlertRecord record(Alert a, boolean settled) {
    return new PendingAlertRecord(a.target(), a.url(), a.group(), a.kind().name(), a.from().name(), a.to().name(),
        a.at(), a.since(), a.lasted(), a.verdict().name(), a.status(), a.message(), settled);
  }

  /** The row marked settled, which deletes it: for one {@link #alert} cannot read. */
  static PendingAlertRecord settled(PendingAlertRecord r) {
    return new PendingAlertRecord(r.target(), r.url(), r.group(), r.kind(), r.from(), r.to(), r.at(), r.since(),
        r.lasted(), r.verdict(), r.status(), r.message(), true);
  }

  /** Null for a row this version cannot read as an alert (changed by hand, or a later version's). */
  static Alert alert(PendingAlertRecord r) {
    try {
      return new Alert(Alert.Kind.valueOf(r.kind()), r.target(), r.url(), r.group(), State.valueOf(r.from()),
          State.valueOf(r.to()), r.at(), r.since(), r.lasted(), Verdict.valueOf(r.verdict()), r.status(), r.message());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
