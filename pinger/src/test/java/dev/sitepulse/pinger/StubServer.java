package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The shared WireMock stub universe (wiremock-stubs/), served in-process on loopback. */
final class StubServer {
  private StubServer() {}

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(
            options()
                .dynamicPort()
                .dynamicHttpsPort()
                .usingFilesUnderClasspath("wiremock-stubs")
                .containerThreads(80)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16))
        .build();
  }
}
