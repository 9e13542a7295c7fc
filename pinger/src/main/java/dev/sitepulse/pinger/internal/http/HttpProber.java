package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Makes single attempts over one shared OkHttp client; the caller decides when and where they run. */
public final class HttpProber {

  private final OkHttpClient client;
  private final ProbeOptions options;
  private final Clock clock;

  public HttpProber(PingSettings settings, Clock clock) {
    OkHttpClient verifying = HttpClients.verifying(settings);
    this.client = settings.insecure() ? HttpClients.trustingAll(verifying) : verifying;
    this.options = new ProbeOptions(settings.maxBodyBytes(), settings.maxRedirects(),
        settings.reuseConnections(), settings.userAgent());
    this.clock = clock;
  }

  /** An attempt ready to run on a worker; nothing is sent until {@link ProbeRun#run()}. */
  public ProbeRun prepare(Target target, int attemptNumber) {
    return new ProbeRun(client, target, attemptNumber, options, clock);
  }

  /** Closes idle pooled connections; in-flight calls are left to their own timeouts. */
  public void close() {
    client.connectionPool().evictAll();
  }
}
