package dev.sitepulse.pinger;

import java.time.Duration;
import java.util.List;

/**
 * One HTTP exchange made by a {@link Fetcher}: what came back, or why nothing usable did. Never
 * follows redirects; a 3xx carries its {@code location} for the caller to queue.
 *
 * @param status 0 when no response arrived
 * @param body at most max-body bytes; empty, never null, when there was none
 * @param truncated whether the body went on past max-body
 * @param retryAfter the server's Retry-After on a 429 or 503, null when absent
 * @param validators the response's ETag and Last-Modified, for a later conditional fetch
 * @param errorKind set when the exchange failed, null otherwise
 * @param timedOut whether it ran out of time with a connection made, waiting for the response or its
 *     body (a TIMEOUT); time that ran out before, in the lookup, the connect or the TLS handshake, is
 *     an {@code errorKind} instead ({@link ErrorKind#DNS}, {@link ErrorKind#CONNECT_TIMEOUT}, {@link ErrorKind#TLS})
 * @param message a sentence a person can read
 * @param robotsTags the response's X-Robots-Tag headers, as sent; empty when it had none
 */
public record FetchResult(
    String url,
    int status,
    String contentType,
    String location,
    byte[] body,
    boolean truncated,
    Duration retryAfter,
    CacheValidators validators,
    Phases phases,
    ErrorKind errorKind,
    boolean timedOut,
    String message,
    List<String> robotsTags) {

  public FetchResult {
    validators = validators == null ? CacheValidators.NONE : validators;
    robotsTags = robotsTags == null ? List.of() : List.copyOf(robotsTags);
  }

  /** An exchange whose response, if any, sent no X-Robots-Tag. */
  public FetchResult(String url, int status, String contentType, String location, byte[] body,
      boolean truncated, Duration retryAfter, CacheValidators validators, Phases phases,
      ErrorKind errorKind, boolean timedOut, String message) {
    this(url, status, contentType, location, body, truncated, retryAfter, validators, phases,
        errorKind, timedOut, message, List.of());
  }

  /** A 304: the copy fetched earlier with {@link Fetcher#fetch(String, CacheValidators)} still holds. */
  public boolean notModified() {
    return status == 304;
  }

  /**
   * Whether {@code status} sends the client to its Location: every 3xx but 304, since a client
   * treats a 3xx it does not know as 300 (RFC 9110, section 15). OkHttp's isRedirect knows only
   * 300-303, 307 and 308.
   */
  public static boolean redirects(int status) {
    return status >= 300 && status < 400 && status != 304;
  }

  public boolean failed() {
    return errorKind != null || timedOut;
  }

  /**
   * Whether it ran out of time with no response begun: the host took the connection and said
   * nothing, as a hung server does. Not a connect or TLS timeout (those have an error kind), nor a
   * body that stalled (its transfer had begun).
   */
  public boolean unanswered() {
    return timedOut && errorKind == null && phases != null && phases.transferNanos() == 0;
  }

  /** How the fetch failed, as a crawl records it: TIMEOUT or the error kind; null if it did not. */
  public String failureKind() {
    return timedOut ? "TIMEOUT" : errorKind != null ? errorKind.name() : null;
  }

  /** The media type without parameters, lower-case, e.g. {@code text/html}; empty when unknown. */
  public String mediaType() {
    return mediaTypeOf(contentType);
  }

  /** The media type of a Content-Type header as {@link #mediaType()} gives it; empty for null. */
  public static String mediaTypeOf(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** The charset parameter of the content type, or null. */
  public String charset() {
    okhttp3.MediaType type = contentType == null ? null : okhttp3.MediaType.parse(contentType);
    java.nio.charset.Charset c = type == null ? null : type.charset(null);
    return c == null ? null : c.name();
  }
}
