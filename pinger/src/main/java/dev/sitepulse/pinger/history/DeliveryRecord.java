package dev.sitepulse.pinger.history;

import java.time.Instant;

/**
 * One alert's delivery to one sink, successful or not: a webhook that stays silent is kept as
 * data, not only as a log line.
 *
 * @param kind CHANGE or REMINDER
 * @param sink the webhook it went to, its URL as the watch shows it (history written before
 *     webhook URLs were redacted holds them whole)
 * @param error why the last attempt failed, null when it was delivered
 */
public record DeliveryRecord(
    String target, Instant at, String kind, String sink, boolean ok, int attempts, String error)
    implements HistoryRecord {}
