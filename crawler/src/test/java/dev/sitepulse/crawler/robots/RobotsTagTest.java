package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsTagTest {

  private static final String US = "sitepulse/0.1 (+https://example.org/bot)";
  /** When the page was fetched: dates before it are past. */
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  @Test
  void noHeaderAsksNothing() {
    assertThat(RobotsTag.of(List.of(), US, NOW)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void directivesForEveryCrawlerAreOurs() {
    assertThat(RobotsTag.of(List.of("noindex"), US, NOW)).isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("NoIndex, NOFOLLOW"), US, NOW)).isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("none"), US, NOW)).isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("all"), US, NOW)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void directivesForAnotherCrawlerAreNotOurs() {
    assertThat(RobotsTag.of(List.of("googlebot: noindex, nofollow"), US, NOW)).isEqualTo(RobotsTag.NONE);
    assertThat(RobotsTag.of(List.of("SitePulse: nofollow"), US, NOW)).isEqualTo(new RobotsTag(false, true));
  }

  @Test
  void directivesApartBySpacesAsPagesWriteThemAreReadToo() {
    assertThat(RobotsTag.of(List.of("noindex nofollow"), US, NOW)).isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("sitepulse: noarchive nofollow"), US, NOW)).isEqualTo(new RobotsTag(false, true));
  }

  @Test
  void aDirectiveWithAValueIsNotTakenForACrawlersName() {
    assertThat(RobotsTag.of(List.of("unavailable_after: 25 Jun 2030 15:00:00 PST"), US, NOW))
        .isEqualTo(new RobotsTag(false, false, Instant.parse("2030-06-25T23:00:00Z")));
    assertThat(RobotsTag.of(List.of("max-snippet: 20, noindex"), US, NOW)).isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("noindex, unavailable_after: 25 Jun 2010"), US, NOW)).isEqualTo(new RobotsTag(true, false));
  }

  @Test
  void unavailableAfterADatePastWhenFetchedIsNoindex() {
    assertThat(RobotsTag.of(List.of("unavailable_after: 25 Jun 2010 15:00:00 PST"), US, NOW))
        .isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("unavailable_after: 2026-06-15"), US, NOW)).isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("noarchive, unavailable_after: Monday, 15-Aug-05 15:52:01 UTC"), US, NOW))
        .isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("unavailable_after: Fri, 12 Jun 2026 09:30:00 GMT, nofollow"), US, NOW))
        .isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("sitepulse: unavailable_after: 2026-06-15T11:59:59Z"), US, NOW))
        .isEqualTo(new RobotsTag(true, false));
  }

  @Test
  void unavailableAfterADateStillToComeAsksNothingYetButIsKeptForARefresh() {
    assertThat(RobotsTag.of(List.of("unavailable_after: 2026-06-15T12:00:01Z"), US, NOW))
        .isEqualTo(new RobotsTag(false, false, Instant.parse("2026-06-15T12:00:01Z")));
    assertThat(RobotsTag.of(List.of("unavailable_after: 2031-01-01", "unavailable_after: 2030-01-01, nofollow"), US, NOW))
        .as("the earliest").isEqualTo(new RobotsTag(false, true, Instant.parse("2030-01-01T00:00:00Z")));
  }

  @Test
  void unavailableAfterAnUnreadableDateOrOneForAnotherCrawlerAsksNothing() {
    assertThat(RobotsTag.of(List.of("unavailable_after: soon"), US, NOW)).isEqualTo(RobotsTag.NONE);
    assertThat(RobotsTag.of(List.of("googlebot: unavailable_after: 2001-01-01"), US, NOW)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void aCrawlersNameInsideAHeaderValueAddressesTheDirectivesAfterIt() {
    assertThat(RobotsTag.of(List.of("googlebot: noindex, sitepulse: nofollow"), US, NOW))
        .isEqualTo(new RobotsTag(false, true));
    assertThat(RobotsTag.of(List.of("sitepulse: nofollow, googlebot: noindex"), US, NOW))
        .isEqualTo(new RobotsTag(false, true));
    assertThat(RobotsTag.of(List.of("nofollow, googlebot: noindex"), US, NOW)).isEqualTo(new RobotsTag(false, true));
    assertThat(RobotsTag.of(List.of("googlebot: noindex, otherbot: none"), US, NOW)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void theStricterOfSeveralHeadersHolds() {
    assertThat(RobotsTag.of(List.of("index, follow", "sitepulse: noindex", "otherbot: nofollow"), US, NOW))
        .isEqualTo(new RobotsTag(true, false));
  }
}
