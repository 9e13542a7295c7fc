package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.FetchResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Only robots.txt's first 500 KiB are obeyed, the least RFC 9309 lets a crawler read and what
 * Google reads. Every URL is checked against every rule, so a 10 MB robots.txt of 235,000 rules
 * took 7 ms per URL.
 */
class RobotsSizeLimitTest {

  private static final int LIMIT = 500 * 1024;

  @Test
  void aRuleBeyondTheFirst500KibibytesIsNotObeyed() {
    String robots = "User-agent: *\nDisallow: /early\n" + padding(LIMIT) + "Disallow: /late\n";

    RobotsRules rules = RobotsRules.from(fetched(robots), "sitepulse-test/1.0");

    assertThat(rules.allows("https://docs.example/early/page.html")).isFalse();
    assertThat(rules.allows("https://docs.example/late/page.html")).isTrue();
  }

  @Test
  void aRuleCutByTheLimitIsDroppedNotShortened() {
    // Cut short, "Disallow: /private-area" would be "Disallow: /pri" and disallow /print too.
    String head = "User-agent: *\n" + padding(LIMIT - 14 - "Disallow: /pri".length());
    String robots = head + "Disallow: /private-area\n";
    assertThat(robots.substring(0, LIMIT)).endsWith("Disallow: /pri");

    RobotsRules rules = RobotsRules.from(fetched(robots), "sitepulse-test/1.0");

    assertThat(rules.allows("https://docs.example/print.html")).isTrue();
  }

  /** Comment lines of {@code bytes} bytes in all. */
  private static String padding(int bytes) {
    StringBuilder s = new StringBuilder(bytes);
    String line = "# " + "x".repeat(97) + "\n";
    while (s.length() + line.length() < bytes) {
      s.append(line);
    }
    s.append("#".repeat(bytes - s.length() - 1)).append('\n');
    return s.toString();
  }

  private static FetchResult fetched(String robots) {
    return new FetchResult("https://docs.example/robots.txt", 200, "text/plain", null,
        robots.getBytes(StandardCharsets.UTF_8), false, null, null, null, null, false, "200 OK");
  }
}
