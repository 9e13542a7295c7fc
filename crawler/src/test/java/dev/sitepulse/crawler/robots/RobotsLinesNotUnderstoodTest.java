package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.FetchResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A robots.txt with lines no crawler can use still has its other lines obeyed, and says how many. */
class RobotsLinesNotUnderstoodTest {

  @Test
  void eachLineThatIsNoUsableDirectiveIsCountedAndTheRulesAroundItAreObeyed() {
    RobotsRules rules = RobotsRules.from(fetched("""
        User-agent: *
        Disallow: /private
        Crawl-delay: soon
        Sitemap: no url
        <p>an HTML page served as robots.txt</p>
        Disallow: /drafts
        """), "sitepulse-test/1.0");

    assertThat(rules.linesNotUnderstood()).isEqualTo(3);
    assertThat(rules.allows("https://docs.example/private/a.html")).isFalse();
    assertThat(rules.allows("https://docs.example/drafts/b.html")).isFalse();
    assertThat(rules.allows("https://docs.example/public.html")).isTrue();
  }

  @Test
  void aCleanRobotsTxtHasNoLineNotUnderstood() {
    RobotsRules rules = RobotsRules.from(fetched("""
        # comments and blank lines are fine

        User-agent: *
        Disallow: /private
        Crawl-delay: 2
        Sitemap: https://docs.example/sitemap.xml
        """), "sitepulse-test/1.0");

    assertThat(rules.linesNotUnderstood()).isZero();
    assertThat(rules.servedHtml()).isFalse();
  }

  @Test
  void anHtmlPageServedAsRobotsTxtAllowsEverythingSaysSoAndStillSaysWhenItWasCutShort() {
    // crawler-commons returns early for HTML with no User-agent line, before it counts anything.
    String page = "<html><body>" + "<p>Not found, but here is our whole catalogue.</p>\n".repeat(12_000)
        + "</body></html>";

    RobotsRules rules = RobotsRules.from(fetched(page, "text/html"), "sitepulse-test/1.0");

    assertThat(rules.allows("https://docs.example/any/page.html")).isTrue();
    assertThat(rules.servedHtml()).isTrue();
    assertThat(rules.linesNotUnderstood()).isZero();
    assertThat(rules.cutOff()).as("more than 500 KiB").isTrue();
  }

  private static FetchResult fetched(String robots) {
    return fetched(robots, "text/plain");
  }

  private static FetchResult fetched(String robots, String contentType) {
    return new FetchResult("https://docs.example/robots.txt", 200, contentType, null,
        robots.getBytes(StandardCharsets.UTF_8), false, null, null, null, null, false, "200 OK");
  }
}
