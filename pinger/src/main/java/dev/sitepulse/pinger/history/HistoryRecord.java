package dev.sitepulse.pinger.history;

/**
 * What a {@link HistoryStore} keeps: check results, state changes, alert deliveries, check intervals
 * and alerts still being delivered.
 */
public sealed interface HistoryRecord
    permits CheckRecord, StateChangeRecord, DeliveryRecord, IntervalRecord, PendingAlertRecord {

  /** The target it is about, by name. */
  String target();
}
