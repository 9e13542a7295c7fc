package dev.sitepulse.pinger.history;

import java.time.Instant;

/**
 * One alert's delivery to one sink, successful or not: a webhook that stays silent is kept as
 * data, not only as a log line.
 *
 * @param kind CHANGE or REMINDER
 * @param sink the webhook it went to, its URL as the watch shows it (history written before
 *     webhook URLs were redacted holds them whole)
 * @param error why the last attempt failed, or why it was not sent; null when it was delivered
 * @param replaced not sent because a later alert of its target replaced it while the webhook was
 *     busy: kept, but no failed delivery
 */
public record DeliveryRecord(
    String target, Instant at, String kind, String sink, boolean ok, int attempts, String error, boolean replaced)
    implements HistoryRecord {

  /** A delivery that was made or tried: delivered, or failed. */
  public DeliveryRecord(String target, Instant at, String kind, String sink, boolean ok, int attempts, String error) {
    this(target, at, kind, sink, ok, attempts, error, false);
  }
}
