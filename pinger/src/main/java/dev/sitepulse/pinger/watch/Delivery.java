package dev.sitepulse.pinger.watch;

/**
 * How one alert fared at one sink: delivered, failed, or replaced before it was sent.
 *
 * @param sink the webhook it went to, its URL as {@link Webhook#redact} shows it
 * @param attempts how many tries it took, or were made before giving up
 * @param error why the last try failed, or why it was not sent; null when delivered
 * @param replaced whether a later alert of its target replaced it while it waited: not sent, yet
 *     no failure of the webhook's, which was busy delivering that target's alert before it
 */
public record Delivery(String sink, boolean ok, int attempts, String error, boolean replaced) {

  /** Why an alert replaced while it waited behind its target's delivery under way was not sent. */
  static final String REPLACED = "not sent: a later alert of its target replaced it while the webhook was busy";

  static Delivery ok(String sink, int attempts) {
    return new Delivery(sink, true, attempts, null, false);
  }

  static Delivery failed(String sink, int attempts, String error) {
    return new Delivery(sink, false, attempts, error, false);
  }

  /** An alert a later one of its target replaced before it was sent: counted apart, not logged alone. */
  static Delivery replacedWhileWaiting(String sink) {
    return new Delivery(sink, false, 0, REPLACED, true);
  }
}
