package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Makes single attempts over one shared OkHttp client; the caller decides when and where they run. */
public final class HttpProber {

  private final OkHttpClient cleartext;
  private final boolean insecure;
  private final ProbeOptions options;
  private final Clock clock;
  private OkHttpClient tls;

  public HttpProber(PingSettings settings, Clock clock) {
    this.cleartext = HttpClients.cleartext(settings);
    this.insecure = settings.insecure();
    this.options = new ProbeOptions(settings.maxBodyBytes(), settings.maxRedirects(),
        settings.reuseConnections(), settings.userAgent());
    this.clock = clock;
  }

  /** An attempt ready to run on a worker; nothing is sent until {@link ProbeRun#run()}. */
  public ProbeRun prepare(Target target, int attemptNumber) {
    return new ProbeRun(this::clientFor, target, attemptNumber, options, clock);
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
