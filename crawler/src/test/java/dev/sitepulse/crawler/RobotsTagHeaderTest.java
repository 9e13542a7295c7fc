package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * X-Robots-Tag is meta robots sent as a header: the crawl obeys it as it obeys the tag, and reads
 * the tag as it reads the header.
 */
class RobotsTagHeaderTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private void page(String path, String robotsTag, String body) {
    var response = aResponse().withHeader("Content-Type", "text/html").withBody("<html><body>" + body + "</body></html>");
    site.stubFor(get(path).willReturn(robotsTag == null ? response : response.withHeader("X-Robots-Tag", robotsTag)));
  }

  private List<String> indexed() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE indexed = 1 ORDER BY url");
  }

  private void crawl() throws Exception {
    Crawler.run(CrawlConfig.builder(List.of(base() + "/t/start.html"), data).include(Pattern.compile("/t/"))
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).build(), CrawlListener.NONE);
  }

  @Test
  void aPageSentWithNoindexIsFetchedButNotIndexedAndItsLinksAreFollowed() throws Exception {
    page("/t/start.html", null, "<a href=hidden.html>h</a>");
    page("/t/hidden.html", "noindex", "hiddenword <a href=behind.html>b</a>");
    page("/t/behind.html", null, "behindword");

    crawl();

    assertThat(indexed()).containsExactly(base() + "/t/behind.html", base() + "/t/start.html");
  }

  @Test
  void aPageSentWithNoindexLeavesItsBytesToAnIdenticalPageFetchedAfterIt() throws Exception {
    String same = "samewords <a href=copy.html>c</a>";
    page("/t/start.html", null, "<a href=hidden.html>h</a>");
    page("/t/hidden.html", "noindex", same);
    page("/t/copy.html", null, same);

    crawl();

    assertThat(indexed()).containsExactly(base() + "/t/copy.html", base() + "/t/start.html");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE duplicate_of IS NOT NULL"))
        .isEmpty();
  }

  @Test
  void aPageSentWithNofollowForUsIsIndexedButItsLinksAreNotFollowed() throws Exception {
    page("/t/start.html", "sitepulse: nofollow", "startword <a href=next.html>n</a>");
    page("/t/next.html", null, "nextword");

    crawl();

    assertThat(indexed()).containsExactly(base() + "/t/start.html");
    site.verify(0, getRequestedFor(urlEqualTo("/t/next.html")));
  }

  @Test
  void aHeaderForAnotherCrawlerIsNotOurs() throws Exception {
    page("/t/start.html", "googlebot: noindex, nofollow", "startword <a href=next.html>n</a>");
    page("/t/next.html", null, "nextword");

    crawl();

    assertThat(indexed()).containsExactly(base() + "/t/next.html", base() + "/t/start.html");
  }

  @Test
  void aPageUnavailableAfterADateLongPastIsNotIndexedAndOneUntilLaterIsWhetherTheHeaderOrMetaRobotsSaysSo()
      throws Exception {
    page("/t/start.html", null, "<a href=gone.html>g</a> <a href=later.html>l</a>"
        + " <a href=gone-meta.html>gm</a> <a href=later-meta.html>lm</a>");
    page("/t/gone.html", "unavailable_after: 25 Jun 2010 15:00:00 PST", "goneword");
    page("/t/later.html", "unavailable_after: 9999-12-31", "laterword");
    page("/t/gone-meta.html", null, "<meta name=robots content='unavailable_after: 25 Jun 2010 15:00:00 PST'>goneword");
    page("/t/later-meta.html", null, "<meta name=robots content='unavailable_after: 9999-12-31'>laterword");

    crawl();

    assertThat(indexed()).containsExactly(
        base() + "/t/later-meta.html", base() + "/t/later.html", base() + "/t/start.html");
  }

  @Test
  void metaRobotsNamedForUsAreOursAndThoseNamedForAnotherCrawlerAreNot() throws Exception {
    page("/t/start.html", null, "<a href=ours.html>o</a> <a href=theirs.html>t</a>");
    page("/t/ours.html", null, "<meta name=sitepulse content='noindex nofollow'>oursword <a href=behind.html>b</a>");
    page("/t/theirs.html", null, "<meta name=googlebot content=noindex>theirsword");
    page("/t/behind.html", null, "behindword");

    crawl();

    assertThat(indexed()).containsExactly(base() + "/t/start.html", base() + "/t/theirs.html");
    site.verify(0, getRequestedFor(urlEqualTo("/t/behind.html")));
  }
}
