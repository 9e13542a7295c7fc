package dev.sitepulse.cli.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

/**
 * WireMock on loopback, loaded with the stubs shipped in the jar: a stand-in for httpstat.us and a
 * small docs site, so the demo needs no network.
 */
final class DemoServer implements AutoCloseable {

  private final WireMockServer server;

  private DemoServer(WireMockServer server) {
    this.server = server;
  }

  static DemoServer start() {
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .usingFilesUnderClasspath("wiremock-stubs")
                // Delayed and dribbling stubs hold threads; leave room for the rest.
                .containerThreads(64)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16)
                .notifier(new Slf4jNotifier(false)));
    server.start();
    return new DemoServer(server);
  }

  String httpUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  String httpsUrl() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  @Override
  public void close() {
    server.stop();
  }
}
