package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.config.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * A user's headers go with every request of a crawl, but a site's credentials only to the seeds'
 * origins. One WireMock answers as two origins: 127.0.0.1, the seed's, and localhost, another site.
 */
class RequestHeadersTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private final String own = "http://127.0.0.1:" + site.getPort();
  private final String other = "http://localhost:" + site.getPort();

  private void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>" + body + "</body></html>")));
  }

  private CrawlConfig crawl(Map<String, String> headers) {
    return CrawlConfig.builder(List.of(own + "/h/start.html"), data).scope(Scope.REGEX, Pattern.compile("/h/"))
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).headers(headers).build();
  }

  @Test
  void aSitesTokenGoesToItsPagesAndRobotsTxtButNotToAnotherOriginItLinksToWhichGetsTheOtherHeaders()
      throws Exception {
    page("/h/start.html", "<a href=" + other + "/h/elsewhere.html>elsewhere</a>");
    page("/h/elsewhere.html", "elsewhere");

    Crawler.run(crawl(Map.of("Authorization", "Bearer s3cret", "Accept-Language", "fr")), CrawlListener.NONE);

    site.verify(getRequestedFor(urlPathEqualTo("/h/start.html"))
        .withHeader("Authorization", equalTo("Bearer s3cret")).withHeader("Accept-Language", equalTo("fr")));
    site.verify(getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", equalTo("127.0.0.1:" + site.getPort()))
        .withHeader("Authorization", equalTo("Bearer s3cret")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/h/elsewhere.html")));
    site.verify(getRequestedFor(urlPathEqualTo("/h/elsewhere.html"))
        .withHeader("Authorization", absent()).withHeader("Accept-Language", equalTo("fr")));
    site.verify(getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", equalTo("localhost:" + site.getPort()))
        .withHeader("Authorization", absent()));
  }

  @Test
  void aSeedsUserAndPasswordGoAsBasicAuthorizationToItsOriginOnlyAndNoStoredUrlKeepsThem() throws Exception {
    page("/h/start.html", "<a href=/h/inside.html>inside</a> <a href=" + other + "/h/elsewhere.html>elsewhere</a>");
    page("/h/inside.html", "inside");
    page("/h/elsewhere.html", "elsewhere");
    String seed = "http://ops:secret@127.0.0.1:" + site.getPort() + "/h/start.html";
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).scope(Scope.REGEX, Pattern.compile("/h/"))
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).warc(true).build();

    Crawler.run(config, CrawlListener.NONE);

    String basic = "Basic " + Base64.getEncoder().encodeToString("ops:secret".getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/h/start.html", "/h/inside.html")) {
      site.verify(getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo(basic)));
    }
    site.verify(getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", equalTo("127.0.0.1:" + site.getPort()))
        .withHeader("Authorization", equalTo(basic)));
    site.verify(getRequestedFor(urlPathEqualTo("/h/elsewhere.html")).withHeader("Authorization", absent()));
    site.verify(0, getRequestedFor(urlPathEqualTo("/h/elsewhere.html")).withHeader("Authorization", equalTo(basic)));
    assertThat(CrawlDbRows.column(config.crawlDb(), "SELECT url FROM urls UNION ALL SELECT to_url FROM links"))
        .contains(own + "/h/start.html", own + "/h/inside.html").noneMatch(url -> url.contains("secret"));
    try (Stream<Path> files = Files.list(config.warcDir());
        WarcReader reader = new WarcReader(files.findFirst().orElseThrow())) {
      for (WarcRecord record : reader) {
        assertThat(record.headers().first("WARC-Target-URI").orElse("")).doesNotContain("secret");
      }
    }
  }

  @Test
  void aUsersAcceptReplacesTheCrawlsOwn() throws Exception {
    page("/h/start.html", "start");

    Crawler.run(crawl(Map.of("accept", "text/html")), CrawlListener.NONE);

    site.verify(getRequestedFor(urlPathEqualTo("/h/start.html")).withHeader("Accept", equalTo("text/html")));
  }

  @Test
  void aHeaderTheCrawlSetsItselfIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> crawl(Map.of("If-None-Match", "\"x\"")))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.key()).isEqualTo("headers.If-None-Match");
          assertThat(e.aboutKey()).isTrue();
        })
        .hasMessage("If-None-Match cannot be set: the crawl sets it when it refreshes a page (--refresh)");
    assertThatThrownBy(() -> crawl(Map.of("X-Token", "a\nb"))).isInstanceOf(InvalidValueException.class)
        .hasMessage("not a valid header value: unexpected char 0x0a at 1");
  }

  @Test
  void theCommandLinesHeadersReplaceTheFilesOfTheSameNameInAnyCaseAndKeepTheRest() {
    Map<String, String> file = new LinkedHashMap<>();
    file.put("Authorization", "Bearer old");
    file.put("Accept-Language", "fr");
    CrawlSpec fromFile = spec(file);
    CrawlSpec typed = spec(Map.of("authorization", "Bearer new"));

    assertThat(typed.over(fromFile).headers())
        .containsExactly(Map.entry("Accept-Language", "fr"), Map.entry("authorization", "Bearer new"));
    assertThat(spec(null).over(fromFile).headers()).isEqualTo(file);
    assertThat(spec(null).toConfig(CrawlStart.RESUME).headers()).isEmpty();
  }

  private CrawlSpec spec(Map<String, String> headers) {
    return new CrawlSpec(List.of(own + "/"), data.toString(), null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, headers);
  }
}
