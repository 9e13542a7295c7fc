package dev.sitepulse.pinger;

/**
 * How a {@link Pinger} runs checks; per-target settings (timeout, retries, conditions) live on
 * {@link Target}. Immutable and validated when built, so a bad value fails before any check
 * starts.
 *
 * @param concurrency the most checks in flight at once, over all hosts
 * @param ratePerHost the most requests per host over time: every attempt takes a permit before it
 *     starts; a check's redirect hops follow at once (at most maxRedirects of them), each taking a
 *     permit of its host's rate if one is free, else owing it, and a host's next attempt pays
 *     what it owes first
 * @param maxBodyBytes the most body bytes read per response; the rest is left unread
 * @param maxRedirects the most redirects followed before {@link ErrorKind#TOO_MANY_REDIRECTS}
 * @param insecure skip certificate verification (the certificate is still reported)
 * @param reuseConnections keep connections alive between checks; off by default so that every
 *     check measures a real connect and handshake
 * @param userAgent sent unless a target sets its own
 * @param circuitBreaker when checks stop going to a host that cannot be reached
 */
public record PingSettings(
    int concurrency,
    Rate ratePerHost,
    long maxBodyBytes,
    int maxRedirects,
    boolean insecure,
    boolean reuseConnections,
    String userAgent,
    CircuitBreakerSettings circuitBreaker) {

  /**
   * The most redirects a check may be told to follow. Browsers stop at 20 and curl at 50; past
   * that a chain is a loop, and with a million allowed one check made hops until its timeout,
   * keeping every one of them.
   */
  public static final int MAX_REDIRECTS_LIMIT = 100;

  public static final PingSettings DEFAULTS = new PingSettings(64, Rate.parse("10/s"), 1 << 20, 10, false, false,
      "sitepulse", CircuitBreakerSettings.DEFAULT);

  public PingSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    if (ratePerHost == null) {
      throw new IllegalArgumentException("rate must be set");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("max-body must be 0 or more, got " + maxBodyBytes);
    }
    String redirects = whyBadMaxRedirects(maxRedirects);
    if (redirects != null) {
      throw new IllegalArgumentException(redirects);
    }
    if (circuitBreaker == null) {
      throw new IllegalArgumentException("circuit-breaker must be set (CircuitBreakerSettings.OFF for none)");
    }
  }

  /** Why {@code n} cannot be max-redirects, or null when it can. */
  public static String whyBadMaxRedirects(int n) {
    return n < 0 ? "max-redirects must be 0 or more, got " + n
        : n > MAX_REDIRECTS_LIMIT ? "max-redirects must be at most " + MAX_REDIRECTS_LIMIT + ", got " + n
        : null;
  }

  public PingSettings withConcurrency(int n) {
    return new PingSettings(n, ratePerHost, maxBodyBytes, maxRedirects, insecure, reuseConnections, userAgent, circuitBreaker);
  }

  public PingSettings withRatePerHost(Rate r) {
    return new PingSettings(concurrency, r, maxBodyBytes, maxRedirects, insecure, reuseConnections, userAgent, circuitBreaker);
  }

  public PingSettings withMaxBodyBytes(long n) {
    return new PingSettings(concurrency, ratePerHost, n, maxRedirects, insecure, reuseConnections, userAgent, circuitBreaker);
  }

  public PingSettings withMaxRedirects(int n) {
    return new PingSettings(concurrency, ratePerHost, maxBodyBytes, n, insecure, reuseConnections, userAgent, circuitBreaker);
  }

  public PingSettings withInsecure(boolean b) {
    return new PingSettings(concurrency, ratePerHost, maxBodyBytes, maxRedirects, b, reuseConnections, userAgent, circuitBreaker);
  }

  public PingSettings withCircuitBreaker(CircuitBreakerSettings c) {
    return new PingSettings(concurrency, ratePerHost, maxBodyBytes, maxRedirects, insecure, reuseConnections, userAgent, c);
  }

  public PingSettings withReuseConnections(boolean b) {
    return new PingSettings(concurrency, ratePerHost, maxBodyBytes, maxRedirects, insecure, b, userAgent, circuitBreaker);
  }
}
