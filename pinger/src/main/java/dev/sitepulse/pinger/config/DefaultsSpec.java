package dev.sitepulse.pinger.config;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code defaults:} section: settings for every target that does not set its own, and for the
 * run as a whole. Absent keys keep the built-in defaults.
 */
public record DefaultsSpec(
    Duration timeout,
    Rate rate,
    Integer concurrency,
    Integer retries,
    Map<String, String> headers,
    DataSize maxBody,
    Integer maxRedirects,
    Boolean insecure,
    Boolean reuseConnections,
    String userAgent,
    Duration interval,
    CircuitBreakerSpec circuitBreaker) {

  /** How often {@code watch} checks a target that sets no interval of its own. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  /** The shortest interval {@code watch} accepts; shorter would only measure the scheduler. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  public static final DefaultsSpec NONE =
      new DefaultsSpec(null, null, null, null, null, null, null, null, null, null, null, null);

  public DefaultsSpec {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new InvalidValueException("timeout",
          "timeout must be positive, got " + Durations.format(timeout));
    }
    if (concurrency != null && concurrency < 1) {
      throw new InvalidValueException("concurrency", "concurrency must be at least 1, got " + concurrency);
    }
    String badRetries = retries == null ? null : Target.whyBadRetries(retries);
    if (badRetries != null) {
      throw new InvalidValueException("retries", badRetries);
    }
    DataSize.checkMaxBody(maxBody);
    String redirects = maxRedirects == null ? null : PingSettings.whyBadMaxRedirects(maxRedirects);
    if (redirects != null) {
      throw new InvalidValueException("max-redirects", redirects);
    }
    checkInterval(interval);
    RequestChecks.headers(headers);
    if (userAgent != null) {
      RequestChecks.header("user-agent", "User-Agent", userAgent);
    }
  }

  static void checkInterval(Duration interval) {
    if (interval != null && interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidValueException("interval", "interval must be at least "
          + Durations.format(MIN_INTERVAL) + ", got " + Durations.format(interval));
    }
  }

  /** The run settings these defaults give, starting from {@code base} for what they leave out. */
  public PingSettings applyTo(PingSettings base) {
    return new PingSettings(
        concurrency != null ? concurrency : base.concurrency(),
        rate != null ? rate : base.ratePerHost(),
        maxBody != null ? maxBody.bytes() : base.maxBodyBytes(),
        maxRedirects != null ? maxRedirects : base.maxRedirects(),
        insecure != null ? insecure : base.insecure(),
        reuseConnections != null ? reuseConnections : base.reuseConnections(),
        userAgent != null ? userAgent : base.userAgent(),
        circuitBreaker != null ? circuitBreaker.applyTo(base.circuitBreaker()) : base.circuitBreaker());
  }
}
