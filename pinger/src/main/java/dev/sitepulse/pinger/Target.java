package dev.sitepulse.pinger;

import dev.sitepulse.pinger.internal.UrlCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to check. The URL is kept as written: a malformed one is not an exception but a check
 * that ends in {@link ErrorKind#INVALID_URL}, so one bad line of input never stops a run. Only its
 * {@code user:password@} moves, into an {@code Authorization} header ({@link UrlCredentials}).
 *
 * @param name how the target is shown; the URL when none is given
 * @param group an optional grouping for reports, may be empty
 * @param timeout covers one whole attempt: redirects and body included
 * @param retries extra attempts after a failed one, 0 to {@link #MAX_RETRIES}
 * @param conditions what must hold for UP; {@link Condition#DEFAULT} when none are given
 */
public record Target(
    String name,
    String group,
    String url,
    String method,
    Map<String, String> headers,
    String body,
    Duration timeout,
    int retries,
    List<Condition> conditions) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The most retries a target or a webhook takes, as Checkly allows: with the backoff capped at
   * 30 s, ten already wait three minutes (a server's Retry-After aside), and more would keep a
   * one-shot ping from ending within minutes.
   */
  public static final int MAX_RETRIES = 10;

  public Target {
    Objects.requireNonNull(url, "url");
    url = url.strip();
    UrlCredentials moved = UrlCredentials.moveToHeader(url, headers == null ? Map.of() : Map.copyOf(headers));
    url = moved.url();
    headers = moved.headers();
    name = name == null || name.isBlank() ? url : name;
    group = group == null ? "" : group;
    method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    conditions = conditions == null || conditions.isEmpty() ? Condition.DEFAULT : List.copyOf(conditions);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    String badRetries = whyBadRetries(retries);
    if (badRetries != null) {
      throw new IllegalArgumentException(badRetries);
    }
  }

  /** Why {@code n} is no number of retries, for a target or a webhook; null when it is one. */
  public static String whyBadRetries(int n) {
    return n < 0 || n > MAX_RETRIES ? "retries must be 0 to " + MAX_RETRIES + ", got " + n : null;
  }

  /** A GET of the URL with default settings. */
  public static Target of(String url) {
    return new Target(null, null, url, null, null, null, null, 0, null);
  }

  public Target withTimeout(Duration t) {
    return new Target(name, group, url, method, headers, body, t, retries, conditions);
  }

  public Target withRetries(int r) {
    return new Target(name, group, url, method, headers, body, timeout, r, conditions);
  }

  public Target withConditions(List<Condition> c) {
    return new Target(name, group, url, method, headers, body, timeout, retries, c);
  }

  public boolean needsBody() {
    return conditions.stream().anyMatch(Condition::needsBody);
  }
}
