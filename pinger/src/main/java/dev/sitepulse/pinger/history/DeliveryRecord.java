package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.watch.Webhook;
import java.time.Instant;

/**
 * One alert's delivery to one sink, successful or not: a webhook that stays silent is kept as
 * data, not only as a log line.
 *
 * @param kind CHANGE or REMINDER
 * @param sink where it went: {@code log}, or a webhook's URL as {@link Webhook#redact} shows it,
 *     which a record read from an older history is given here too
 * @param error why the last attempt failed, null when it was delivered
 */
public record DeliveryRecord(
    String target, Instant at, String kind, String sink, boolean ok, int attempts, String error)
    implements HistoryRecord {

  public DeliveryRecord {
    if (sink.startsWith("http:") || sink.startsWith("https:")) {
      sink = Webhook.redact(sink);
    }
  }
}
