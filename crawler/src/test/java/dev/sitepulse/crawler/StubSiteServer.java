package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The project's WireMock stubs (wiremock-stubs/, on the classpath) on a free loopback port, with
 * enough threads for a crawl's parallel fetches and the stubs' delayed answers.
 */
public final class StubSiteServer {

  private StubSiteServer() {}

  /**
   * Ready to build, with these WireMock extensions (such as {@link HeldResponses}); a test class
   * may change how it resets between tests first.
   */
  public static WireMockExtension.Builder builder(Extension... extensions) {
    return WireMockExtension.newInstance()
        .options(options().dynamicPort().usingFilesUnderClasspath("wiremock-stubs")
            .containerThreads(40).asynchronousResponseEnabled(true).extensions(extensions));
  }
}
