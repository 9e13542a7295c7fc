package dev.sitepulse.pinger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * One thing to check. The URL is kept as written: a malformed one is not an exception but a check
 * that ends in {@link ErrorKind#INVALID_URL}, so one bad line of input never stops a run. Only its
 * {@code user:password@} moves, into an {@code Authorization} header.
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
  /** A scheme and the user:password@ after it, in a URL OkHttp cannot parse. */
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

  public Target {
    Objects.requireNonNull(url, "url");
    url = url.strip();
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed != null && !(parsed.username().isEmpty() && parsed.password().isEmpty())) {
      // OkHttp sends nothing for user:password@ in a URL. curl and Gatus send it as Basic
      // authorization, and so do we; it leaves the URL, which every output and the history show.
      url = parsed.newBuilder().username("").password("").build().toString();
      headers = withAuthorization(headers, Credentials.basic(parsed.username(), parsed.password(), UTF_8));
    } else if (parsed == null) {
      url = USER_INFO.matcher(url).replaceFirst("$1"); // shown in the INVALID_URL error, not sent
    }
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

  /** The headers plus {@code Authorization}, unless they name one already (in any case). */
  public static Map<String, String> withAuthorization(Map<String, String> headers, String value) {
    if (headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      return headers;
    }
    Map<String, String> with = new LinkedHashMap<>(headers);
    with.put("Authorization", value);
    return Map.copyOf(with);
  }

  public boolean needsBody() {
    return conditions.stream().anyMatch(Condition::needsBody);
  }
}
