package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.PingSettings;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cleartext client a pinger builds, for a test that runs exchanges itself; closed after each
 * test, so that no dispatcher thread or pooled connection outlives it.
 */
final class CleartextClient implements AfterEachCallback {

  private final OkHttpClient client = HttpClients.cleartext(PingSettings.DEFAULTS);

  OkHttpClient get() {
    return client;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
