package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.ShownUrl;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.internal.UrlCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where alerts are POSTed.
 *
 * @param timeout bounds one delivery attempt, connect to response
 * @param retries extra attempts after a failed one, with backoff; 0 to {@link Target#MAX_RETRIES}
 */
public record Webhook(String url, Format format, Duration timeout, int retries, Map<String, String> headers) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_RETRIES = 3;

  /** Scheme, host and port of a URL as written (the scheme may be missing), then more than a lone delimiter. */
  private static final Pattern PAST_HOST =
      Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://)?[^/\\\\?#]*)[/\\\\?#].+", Pattern.DOTALL);

  /** The body of a delivery. */
  public enum Format {
    /** A generic JSON document with every field of the alert. */
    JSON,
    /** {@code {"text": ...}}, as Slack incoming webhooks (and Mattermost, Discord's /slack) take. */
    SLACK
  }

  public Webhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(timeout, "timeout");
    // user:password@ is sent as Basic authorization, as a target's; OkHttp would drop it without a word.
    UrlCredentials moved = UrlCredentials.moveToHeader(url.strip(), headers == null ? Map.of() : Map.copyOf(headers));
    url = moved.url();
    headers = moved.headers();
    String badRetries = Target.whyBadRetries(retries);
    if (badRetries != null) {
      throw new IllegalArgumentException(badRetries);
    }
  }

  /** The URL as logs, the history and reports show it: see {@link #redact(String)}. */
  public String shownUrl() {
    return redact(url);
  }

  /** A delivery's sink as it may be shown: redacted, as a history of an earlier version may hold it whole or half-redacted. */
  public static String shownSink(String sink) {
    return sink.startsWith("http:") || sink.startsWith("https:") ? redact(sink) : sink;
  }

  /**
   * Scheme, host and port, any path, query or fragment as {@code …}: hook services carry their
   * secret there, in any segment (Slack's {@code /services/T…/B…/token}, Telegram's
   * {@code /bot<token>/sendMessage}, a Healthchecks {@code /<uuid>/fail}), and a failed delivery's
   * URL ends up in logs, the history, reports and the status page. User info is never shown.
   */
  public static String redact(String url) {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      return redactText(url);
    }
    String host = u.host().contains(":") ? "[" + u.host() + "]" : u.host();
    String base = u.scheme() + "://" + host
        + (u.port() == HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port()) + "/";
    boolean bare = u.encodedPath().equals("/") && u.encodedQuery() == null && u.encodedFragment() == null;
    return bare ? base : base + "…";
  }

  /**
   * A URL OkHttp cannot parse, as a config error quotes it (a port past 65535, a host with a space,
   * no scheme): as written up to the end of its host and port, where OkHttp and browsers end them at
   * the first {@code /}, {@code \}, {@code ?} or {@code #}, anything after that as {@code /…}.
   */
  private static String redactText(String url) {
    return PAST_HOST.matcher(ShownUrl.of(url.strip())).replaceFirst("$1/…");
  }
}
