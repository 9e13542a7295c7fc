package dev.sitepulse.pinger.watch;

/**
 * How one alert fared at one sink.
 *
 * @param sink the webhook it went to, its URL as {@link Webhook#redact} shows it
 * @param attempts how many tries it took, or were made before giving up
 * @param error why the last try failed; null when delivered
 */
public record Delivery(String sink, boolean ok, int attempts, String error) {

  static Delivery ok(String sink, int attempts) {
    return new Delivery(sink, true, attempts, null);
  }

  static Delivery failed(String sink, int attempts, String error) {
    return new Delivery(sink, false, attempts, error);
  }
}
