package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.sitepulse.crawler.urls.StrippedParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that writes a new session id into every link it serves, as servlet containers, PHP and
 * ColdFusion do for a client without cookies: each page must still be fetched once.
 */
class SessionIdsCrawlTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().templatingEnabled(true).globalTemplating(false)).build();

  @TempDir Path data;

  /** A new 32-character id each time the page is served. */
  private static final String ID = "{{randomValue length=32 type='ALPHANUMERIC'}}";

  @BeforeEach
  void stubs() {
    page("/shop/index.html", "<a href=\"list.jsp;jsessionid=" + ID + "\">list</a>"
        + "<a href=\"item.php?PHPSESSID=" + ID + "&amp;id=7\">item</a>"
        + "<a href=\"item.php?id=8&amp;phpsessid=" + ID + "\">item 8</a>"
        + "<a href=\"cart.cfm?CFID=1234567&amp;CFTOKEN=" + ID + "\">cart</a>"
        + "<a href=\"news.asp?ASPSESSIONIDQSDTRABC=" + ID + "\">news</a>"
        + "<a href=\"promo.html?utm_source=mail&amp;utm_medium=" + ID + "\">promo</a>");
    for (String p : List.of("list.jsp", "item.php", "cart.cfm", "news.asp", "promo.html")) {
      page("/shop/" + p, "<a href=\"index.html;jsessionid=" + ID + "\">home</a>"
          + "<a href=\"list.jsp;JSESSIONID=" + ID + "?page=2\">page 2</a>"
          + "<a href=\"item.php?id=7&amp;PHPSESSID=" + ID + "\">item</a>"
          + "<a href=\"cart.cfm?cfid=7654321&amp;cftoken=" + ID + "\">cart</a>"
          + "<a href=\"promo.html?utm_campaign=" + ID + "\">promo</a>");
    }
  }

  private static void page(String path, String links) {
    site.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>" + path + "</title></head><body>" + links + "</body></html>")
        .withTransformers("response-template")));
  }

  private CrawlConfig.Builder config() {
    return config("/shop/index.html");
  }

  private CrawlConfig.Builder config(String seed) {
    return CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + seed), data)
        .concurrency(4).perHost(2).delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxDepth(5)
        .userAgent("sitepulse-test").start(CrawlStart.FRESH);
  }

  private List<String> urls() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls ORDER BY url").stream()
        .map(u -> u.substring(u.indexOf('/', "http://".length()))).toList();
  }

  @Test
  void aPageWhoseLinksCarryANewSessionIdEachTimeIsFetchedOnceAndStoredWithoutIt() throws Exception {
    Crawler.run(config().build(), CrawlListener.NONE);

    assertThat(urls()).containsExactly("/shop/cart.cfm", "/shop/index.html", "/shop/item.php?id=7",
        "/shop/item.php?id=8", "/shop/list.jsp", "/shop/list.jsp?page=2", "/shop/news.asp", "/shop/promo.html");
    site.verify(1, getRequestedFor(urlPathEqualTo("/shop/index.html")));
    site.verify(2, getRequestedFor(urlPathEqualTo("/shop/list.jsp")));
    site.verify(2, getRequestedFor(urlPathEqualTo("/shop/item.php")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/shop/cart.cfm")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/shop/news.asp")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/shop/promo.html")));
    site.verify(0, getRequestedFor(urlPathMatching(".*;.*")));
  }

  @Test
  void anAspNetSiteWithCookielessSessionsHasEachPageFetchedOnceThoughEveryLinkWithoutOneGetsANewOne() throws Exception {
    // As ASP.NET with <sessionState cookieless="UseUri">: a URL without a session redirects to one
    // with a new session; pages link relatively (keeping theirs) and by absolute path (without).
    site.stubFor(get(urlPathMatching("/app/[a-z]+\\.aspx")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/app/(S(" + ID + "))/{{request.pathSegments.[1]}}")
        .withTransformers("response-template")));
    String links = "<a href=\"one.aspx\">one</a><a href=\"two.aspx\">two</a>"
        + "<a href=\"/app/one.aspx\">one again</a><a href=\"/app/two.aspx\">two again</a>";
    for (String p : List.of("index", "one", "two")) {
      site.stubFor(get(urlPathMatching("/app/\\(S\\([A-Za-z0-9]+\\)\\)/" + p + "\\.aspx")).willReturn(aResponse()
          .withHeader("Content-Type", "text/html")
          .withBody("<html><head><title>" + p + "</title></head><body>" + links + "</body></html>")));
    }

    Crawler.run(config("/app/index.aspx").maxDepth(20).build(), CrawlListener.NONE);

    for (String p : List.of("index", "one", "two")) {
      site.verify(1, getRequestedFor(urlPathEqualTo("/app/" + p + ".aspx")));
      site.verify(1, getRequestedFor(urlPathMatching("/app/\\(S\\(.*\\)\\)/" + p + "\\.aspx")));
    }
    assertThat(urls()).filteredOn(u -> !u.contains("(S(")).containsExactly(
        "/app/index.aspx", "/app/one.aspx", "/app/two.aspx");
  }

  @Test
  void aParameterOffTheListIsKeptAndStripParamsChangesTheList() throws Exception {
    page("/forum/index.html", "<a href=\"topic.php?t=1&amp;sid=" + ID + "\">one</a>"
        + "<a href=\"topic.php?t=2&amp;sid=" + ID + "\">two</a>");
    page("/forum/topic.php", "<a href=\"index.html?sid=" + ID + "\">index</a>");
    CrawlConfig.Builder forum = config("/forum/index.html").maxDepth(3);

    Crawler.run(forum.build(), CrawlListener.NONE);
    // By default sid is a parameter like any other: a new one is a new URL, each fetched.
    assertThat(urls()).filteredOn(u -> u.contains("sid=")).hasSizeGreaterThan(3)
        .anyMatch(u -> u.startsWith("/forum/topic.php?sid=") && u.endsWith("&t=1"));

    site.resetRequests();
    Crawler.run(forum.stripParams(StrippedParameters.of(List.of("default", "sid"))).build(), CrawlListener.NONE);
    assertThat(urls()).containsExactly("/forum/index.html", "/forum/topic.php?t=1", "/forum/topic.php?t=2");
    site.verify(1, getRequestedFor(urlPathEqualTo("/forum/index.html")));
    site.verify(2, getRequestedFor(urlPathEqualTo("/forum/topic.php")));
  }

  @Test
  void aResumeOfACrawlDbThatQueuedUrlsWithSessionIdsFetchesThoseOnceAsTheyAreAndEnds() throws Exception {
    // As a crawl before strip-params left it: stopped with URLs queued under their session ids.
    Crawler.run(config().stripParams(StrippedParameters.NONE).maxPages(2).build(), CrawlListener.NONE);
    List<String> queuedBefore = CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT url FROM urls WHERE state = 'queued' AND (url LIKE '%;%' OR url LIKE '%SESSID%')");
    assertThat(queuedBefore).isNotEmpty();

    Crawler.run(config().start(CrawlStart.RESUME).build(), CrawlListener.NONE);

    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT count(*) FROM urls WHERE state != 'done'"))
        .containsExactly("0");
    assertThat(urls()).contains("/shop/cart.cfm", "/shop/item.php?id=7", "/shop/list.jsp?page=2");
    // Each page at most three times: by the first run, as queued there, and under its URL now.
    for (String path : List.of("index.html", "list.jsp", "cart.cfm", "news.asp", "promo.html")) {
      assertThat(site.countRequestsMatching(getRequestedFor(urlPathEqualTo("/shop/" + path)).build()).getCount())
          .as(path).isLessThanOrEqualTo(3);
    }
  }
}
