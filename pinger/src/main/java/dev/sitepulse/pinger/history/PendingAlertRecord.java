package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;

/**
 * An alert on its way to the webhooks ({@code settled} false), kept from before it is posted
 * until every webhook's delivery has ended ({@code settled} true deletes it): what a watch killed
 * meanwhile leaves behind for the next one to send. Holds what the alert's text and body are made
 * of, so it is sent as it was first made.
 *
 * @param kind CHANGE or REMINDER
 * @param lasted how long the state before lasted; null when never decided
 * @param status the HTTP status of the deciding result, 0 when none came
 */
public record PendingAlertRecord(
    String target, String url, String group, String kind, String from, String to, Instant at, Instant since,
    Duration lasted, String verdict, int status, String message, boolean settled) implements HistoryRecord {}
