package dev.sitepulse.crawler.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The WireMock docs site's pages, read from the stubs directory next to this module. */
final class StubSite {
  static final Path ROOT = Path.of("../wiremock-stubs/__files/site");
  static final String BASE = "http://127.0.0.1:8089/site/";

  private StubSite() {}

  static byte[] bytes(String page) {
    try {
      return Files.readAllBytes(ROOT.resolve(page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedPage parse(String page) {
    return PageParser.parse(bytes(page), null, BASE + page);
  }

  static ParsedPage parseHtml(String html, String url) {
    return PageParser.parse(html.getBytes(StandardCharsets.UTF_8), "UTF-8", url);
  }
}
