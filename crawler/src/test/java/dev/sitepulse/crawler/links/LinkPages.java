package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pages stubbed for a link check on a test's WireMock, which answers as two hosts: 127.0.0.1, the
 * crawl's, and localhost, another site to it.
 */
final class LinkPages {

  private final WireMockExtension site;

  LinkPages(WireMockExtension site) {
    this.site = site;
  }

  /** The crawl's host. */
  String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  /** Another host, to a crawl of {@link #base()}: its targets are external. */
  String external() {
    return "http://localhost:" + site.getPort();
  }

  /** A page at {@code path} whose body is these links, one a line. */
  void page(String path, String... hrefs) {
    html(path, Stream.of(hrefs).map(href -> "<a href=\"" + href + "\">link</a>"));
  }

  /** A page at {@code path} whose body is these lines. */
  void html(String path, Stream<String> lines) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(lines.collect(Collectors.joining("\n", "<html><body>\n", "\n</body></html>")))));
  }
}
