package dev.sitepulse.pinger.history;

/** What a {@link HistoryStore} keeps: check results, state changes and alert deliveries. */
public sealed interface HistoryRecord permits CheckRecord, StateChangeRecord, DeliveryRecord {

  /** The target it is about, by name. */
  String target();
}
