package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.LoggedLines;
import dev.sitepulse.crawler.politeness.CrawlDelayCap;
import dev.sitepulse.pinger.FetchResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Crawl-delay past 30 s is capped at 30 s with one warning however the number is written;
 * one that is no number, NaN or negative is ignored.
 */
class HugeCrawlDelayTest {

  private static final CrawlConfig CONFIG = CrawlConfig.builder(List.of("http://h/"), Path.of("unused")).build();

  @Test
  void everyCrawlDelayPastThirtySecondsIsCappedWithOneWarningHoweverTheNumberIsWritten() {
    // crawler-commons read a number without a '.' as an int: 1e300 or 1e5 was ignored as not
    // understood, while 100000 and 1.0e300 were capped.
    for (String huge : List.of("100000", "1e5", "1E300", "1e300", "1.0e300", "99999999999999999999", "+1e3")) {
      RobotsRules rules = rules(huge);

      assertThat(rules.linesNotUnderstood()).as(huge).isZero();
      assertThat(rules.crawlDelay()).as(huge).isNotNull();
      assertThat(CONFIG.delayFor(rules.crawlDelay())).as(huge).isEqualTo(Duration.ofSeconds(30));
      assertThat(warningsOfCap(rules)).as(huge).singleElement().asString()
          .startsWith("http://h asks for a Crawl-delay of ").endsWith(" s; capped at 30 s");
    }
  }

  @Test
  void theCapsWarningGivesTheCrawlDelayWithItsFractionAndAHugeOneAsPastTenToTheFifteen() {
    // Before: "of 30 s; capped at 30 s", and "of 9223372036854775 s", crawler-commons' milliseconds saturated.
    assertThat(warningsOfCap(rules("30.5"))).containsExactly("http://h asks for a Crawl-delay of 30.5 s; capped at 30 s");
    assertThat(warningsOfCap(rules("90"))).containsExactly("http://h asks for a Crawl-delay of 90 s; capped at 30 s");
    assertThat(warningsOfCap(rules("1e300")))
        .containsExactly("http://h asks for a Crawl-delay of more than 10^15 s; capped at 30 s");
  }

  @Test
  void aCrawlDelayWithinThirtySecondsIsKeptAsWrittenInEitherForm() {
    assertThat(rules("2").crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(rules("2e1").crawlDelay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(rules("0.5").crawlDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(warningsOfCap(rules("2e1"))).isEmpty();
  }

  @Test
  void aCrawlDelayThatIsNoNumberNaNOrNegativeIsIgnored() {
    for (String none : List.of("soon", "NaN", "Infinity", "0x10", "-5", "-1e300")) {
      RobotsRules rules = rules(none);

      assertThat(rules.crawlDelay()).as(none).isNull();
      assertThat(warningsOfCap(rules)).as(none).isEmpty();
      assertThat(rules.allows("http://h/private")).as(none + ": the rest obeyed").isFalse();
    }
  }

  @Test
  void aHugeCrawlDelayIsCappedInEachSpellingCrawlerCommonsReadsAsOne() {
    // crawler-commons reads these as Crawl-delay too: each kept its number without a '.', and was ignored.
    for (String line : List.of("Crawl-delay 1e5", "Crawl-delay\t1e5", "crawl delay: 1e5", "Crawl Delay 1e5",
        "clawl-delay: 1e5", "craw-delay: 1e5", "crawl-deley: 1e5")) {
      RobotsRules rules = robots("User-agent: *\r\n" + line + "\r\n");

      assertThat(rules.linesNotUnderstood()).as(line).isZero();
      assertThat(rules.crawlDelay()).as(line).isNotNull();
      assertThat(CONFIG.delayFor(rules.crawlDelay())).as(line).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void aByteOfAUtf8LetterInALineIsNoLineEndThere() {
    // Å is C3 85 in UTF-8: its 0x85, read as a byte, was taken for a line end, and the rule's path changed.
    RobotsRules rules = robots("User-agent: *\r\nDisallow: /Åcrawl-delay:1e5\r\n");

    assertThat(rules.allows("http://h/Åcrawl-delay:1e5")).isFalse();
    assertThat(rules.crawlDelay()).isNull();
  }

  @Test
  void aCrawlDelayAfterALetterWhoseUtf8EndsIn0x85IsReadAsTheRestOfItsLine() {
    // A comment holding Å: the 0x85 in it is no line end either, so the number is still given its '.'.
    assertThat(CONFIG.delayFor(robots("User-agent: *\r\nCrawl-delay: 1e5 # Å, then more\r\n").crawlDelay()))
        .isEqualTo(Duration.ofSeconds(30));
  }

  private static RobotsRules rules(String delay) {
    return robots("User-agent: *\r\nDisallow: /private\r\nCrawl-delay: " + delay + "  # as the site wrote it\r\n");
  }

  private static RobotsRules robots(String robots) {
    return RobotsRules.from(new FetchResult("http://h/robots.txt", 200, "text/plain", null,
        robots.getBytes(StandardCharsets.UTF_8), false, null, null, null, null, false, "200 OK"), "sitepulse-test/1.0");
  }

  private static List<String> warningsOfCap(RobotsRules rules) {
    try (LoggedLines log = LoggedLines.of(CrawlDelayCap.class)) {
      CrawlDelayCap.warnIfCapped("http://h", rules.crawlDelay());
      return log.warnings();
    }
  }
}
