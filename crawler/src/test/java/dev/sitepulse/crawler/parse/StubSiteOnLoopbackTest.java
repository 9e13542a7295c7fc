package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Demo and tests never need a network: the stub site every crawl, link check and demo fetches
 * links and embeds nothing beyond loopback, where an address that goes nowhere could be answered
 * by whatever the network puts there (a proxy once answered one with a 404).
 */
class StubSiteOnLoopbackTest {

  @Test
  void noPageOfTheStubSiteLinksOrEmbedsAnythingBeyondLoopback() throws IOException {
    List<String> beyond;
    try (Stream<Path> files = Files.walk(StubSite.ROOT)) {
      beyond = files.filter(f -> f.toString().endsWith(".html")).flatMap(StubSiteOnLoopbackTest::urlsBeyondLoopback).toList();
    }

    assertThat(beyond).isEmpty();
  }

  private static Stream<String> urlsBeyondLoopback(Path file) {
    ParsedPage page = StubSite.parse(StubSite.ROOT.relativize(file).toString());
    return Stream.concat(page.outlinks().stream().map(Outlink::url), page.embeds().stream().map(Embed::url))
        .filter(url -> url.startsWith("http") && !onLoopback(url))
        .map(url -> file.getFileName() + ": " + url);
  }

  private static boolean onLoopback(String url) {
    String host = URI.create(url).getHost();
    return host != null && (host.equals("localhost") || host.startsWith("127."));
  }
}
