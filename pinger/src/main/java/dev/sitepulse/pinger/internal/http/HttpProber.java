package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Makes single attempts over one shared OkHttp client; the caller decides when and where they run. */
public final class HttpProber {

  private final OkHttpClient cleartext;
  private final boolean insecure;
  private final ProbeOptions options;
  private final Clock clock;
  private final HopPermits hopPermits;
  private OkHttpClient tls;

  /** For single exchanges that follow no redirects ({@link #prepareFetch}). */
  public HttpProber(PingSettings settings, Clock clock) {
    this(settings, clock, HopPermits.NONE);
  }

  /** @param hopPermits where each redirect hop a check follows counts against its host's rate */
  public HttpProber(PingSettings settings, Clock clock, HopPermits hopPermits) {
    this.cleartext = HttpClients.cleartext(settings);
    this.insecure = settings.insecure();
    this.options = new ProbeOptions(settings.maxBodyBytes(), settings.maxRedirects(),
        settings.reuseConnections(), settings.userAgent());
    this.clock = clock;
    this.hopPermits = hopPermits;
  }

  /** A single exchange ready to run on a worker; nothing is sent until {@link FetchRun#run()}. */
  public FetchRun prepareFetch(String url, Map<String, String> headers, Duration timeout, long maxBodyBytes) {
    return new FetchRun(this::clientFor, url, headers, timeout, maxBodyBytes, options.userAgent(), clock);
  }

  /** An attempt ready to run on a worker; nothing is sent until {@link ProbeRun#run()}. */
  public ProbeRun prepare(Target target, int attemptNumber) {
    return new ProbeRun(this::clientFor, target, attemptNumber, options, hopPermits, clock);
  }

  /**
   * Sets up TLS now if any of these targets needs it, so that the first https check does not count
   * the set-up (trust store, providers) in its own time.
   */
  public void prepareFor(List<Target> targets) {
    for (Target t : targets) {
      HttpUrl url = HttpUrl.parse(t.url());
      if (url != null && url.isHttps()) {
        clientFor(url);
        return;
      }
    }
  }

  /** The https client is made on the first https URL: most of TLS set-up is start-up cost. */
  private OkHttpClient clientFor(HttpUrl url) {
    if (!url.isHttps()) {
      return cleartext;
    }
    synchronized (this) {
      if (tls == null) {
        tls = insecure ? HttpClients.trustingAll(cleartext) : HttpClients.verifying(cleartext);
      }
      return tls;
    }
  }

  /** Closes idle pooled connections; in-flight calls are left to their own timeouts. */
  public void close() {
    cleartext.connectionPool().evictAll();
  }
}
