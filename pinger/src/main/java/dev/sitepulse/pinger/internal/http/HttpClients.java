package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.PingSettings;
import java.net.Proxy;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp clients a pinger uses. The cleartext one is built first and alone: setting up
 * TLS loads the JDK's trust store and crypto providers, a cost a run of plain-HTTP checks should
 * not pay at start-up.
 */
final class HttpClients {

  private static final List<ConnectionSpec> TLS_SPECS =
      List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

  private HttpClients() {}

  /**
   * Redirects are followed by {@link ProbeRun} so that each hop gets its own timings. OkHttp's
   * connect/read/write timeouts are off: one call timeout per check bounds everything, and a
   * watchdog bounds even what OkHttp cannot interrupt (a blocked DNS lookup).
   */
  static OkHttpClient cleartext(PingSettings settings) {
    ConnectionPool pool =
        settings.reuseConnections()
            ? new ConnectionPool(settings.concurrency(), 5, TimeUnit.MINUTES)
            // No idle connections: every check pays for its own connect and handshake. A released
            // connection is closed at once because none may idle; the keep-alive only paces the
            // pool's cleanup task, which with a tiny value would spin while a check is in flight.
            : new ConnectionPool(0, 5, TimeUnit.MINUTES);
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (!proxyConfigured()) {
      // Asking the default ProxySelector costs more per check than the rest of route planning.
      builder.proxy(Proxy.NO_PROXY);
    }
    return builder
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        // Without it Nagle and the server's delayed ACK add ~40 ms to many an exchange's PROC.
        // The https clients are built from this one and keep it.
        .socketFactory(NoDelaySocketFactory.INSTANCE)
        .dns(SpecialUseNames.SYSTEM)
        .connectionPool(pool)
        .followRedirects(false)
        .followSslRedirects(false)
        // With connections reused, OkHttp retries a request whose pooled connection the server
        // had closed while it idled. Without reuse nothing is retried: a fresh connection that
        // fails is the check's result and must be reported.
        .retryOnConnectionFailure(settings.reuseConnections())
        // One connect attempt at a time, on the calling thread: racing addresses (happy eyeballs)
        // costs extra threads per check, and a check should time the route it was given.
        .fastFallback(false)
        .connectTimeout(0, TimeUnit.MILLISECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS)
        .addNetworkInterceptor(RetryAfterInIntRange.INSTANCE)
        // Marks a failure after an interim (1xx) head, so the error can say no final one came.
        .addInterceptor(InterimHeads.INSTANCE)
        // Reads a 204 or 205 with a Content-Length as its status with no body, as curl does.
        .addInterceptor(NoContentHeads.INSTANCE)
        // Reads a 304 (or final 1xx) whose head announces a body as its status with none.
        .addInterceptor(NotModifiedHeads.INSTANCE)
        .eventListenerFactory(
            call -> {
              PhaseListener listener = call.request().tag(PhaseListener.class);
              return listener != null ? listener : EventListener.NONE;
            })
        .build();
  }

  /** Whether the JVM was told to use a proxy, the only way Java's default selector finds one. */
  private static boolean proxyConfigured() {
    for (String key : List.of("http.proxyHost", "https.proxyHost", "socksProxyHost")) {
      if (System.getProperty(key) != null) {
        return true;
      }
    }
    return Boolean.getBoolean("java.net.useSystemProxies");
  }

  /** Same pool and settings, for https, verifying certificates the platform's way. */
  static OkHttpClient verifying(OkHttpClient cleartext) {
    return cleartext.newBuilder().connectionSpecs(TLS_SPECS).build();
  }

  /** Same pool and settings, but accepts any certificate; the certificate is still reported. */
  static OkHttpClient trustingAll(OkHttpClient cleartext) {
    X509TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return cleartext
          .newBuilder()
          .connectionSpecs(TLS_SPECS)
          .sslSocketFactory(context.getSocketFactory(), trustAll)
          .hostnameVerifier((host, session) -> true)
          .build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no TLS implementation", e);
    }
  }
}
