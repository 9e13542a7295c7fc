package dev.sitepulse.cli.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** In-process WireMock servers for the cli tests, on a free port of loopback only. */
public final class StubServer {

  private StubServer() {}

  /** The project's stubs (wiremock-stubs/, on the classpath). */
  public static WireMockExtension stubs() {
    return serve(stubsConfig());
  }

  /**
   * The project's stubs for a server kept busy, by a crawl's parallel fetches or by answers held
   * for seconds: delayed answers wait on a scheduler instead of holding a container thread.
   */
  public static WireMockExtension busyStubs() {
    return serve(stubsConfig().containerThreads(40).asynchronousResponseEnabled(true));
  }

  /** No stubs: each test stubs what it asks for. */
  public static WireMockExtension empty() {
    return serve(loopback());
  }

  /** The stubs' configuration, for a test that needs more of the server than the ones above. */
  public static WireMockConfiguration stubsConfig() {
    return loopback().usingFilesUnderClasspath("wiremock-stubs");
  }

  /** An absolute URL on the server; path is empty or starts with a slash. */
  public static String url(WireMockExtension server, String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static WireMockConfiguration loopback() {
    return wireMockConfig().bindAddress("127.0.0.1").dynamicPort();
  }

  private static WireMockExtension serve(WireMockConfiguration config) {
    return WireMockExtension.newInstance().options(config).build();
  }
}
