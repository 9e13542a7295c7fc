package dev.sitepulse.cli.ping;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The project's WireMock stubs (wiremock-stubs/, on the classpath) served on loopback. */
final class Stubs {

  private Stubs() {}

  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath("wiremock-stubs")
                .notifier(new Slf4jNotifier(false)))
        .build();
  }

  /** An absolute URL on the server; path starts with a slash. */
  static String url(WireMockExtension server, String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }
}
