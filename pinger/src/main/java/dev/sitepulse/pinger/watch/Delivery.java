package dev.sitepulse.pinger.watch;

/**
 * How one alert fared at one sink.
 *
 * @param sink the webhook it went to, its URL as {@link Webhook#redact} shows it
 * @param attempts how many tries it took, or were made before giving up
 * @param error why the last try failed; null when delivered
 */
public record Delivery(String sink, boolean ok, int attempts, String error) {

  /** Why an alert replaced while it waited behind its target's delivery under way was not sent. */
  static final String REPLACED = "not sent: a later alert of its target replaced it while the webhook was busy";

  static Delivery ok(String sink, int attempts) {
    return new Delivery(sink, true, attempts, null);
  }

  static Delivery failed(String sink, int attempts, String error) {
    return new Delivery(sink, false, attempts, error);
  }

  /** An alert a later one of its target replaced before it was sent: counted, not logged alone. */
  static Delivery replaced(String sink) {
    return failed(sink, 0, REPLACED);
  }

  boolean wasReplaced() {
    return !ok && attempts == 0 && REPLACED.equals(error);
  }
}
