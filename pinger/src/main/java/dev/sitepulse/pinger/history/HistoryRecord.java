package dev.sitepulse.pinger.history;

/** What a {@link HistoryStore} keeps: check results, state changes, alert deliveries and check intervals. */
public sealed interface HistoryRecord permits CheckRecord, StateChangeRecord, DeliveryRecord, IntervalRecord {

  /** The target it is about, by name. */
  String target();
}
