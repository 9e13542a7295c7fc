package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsTagTest {

  private static final String US = "sitepulse/0.1 (+https://example.org/bot)";

  @Test
  void noHeaderAsksNothing() {
    assertThat(RobotsTag.of(List.of(), US)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void directivesForEveryCrawlerAreOurs() {
    assertThat(RobotsTag.of(List.of("noindex"), US)).isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("NoIndex, NOFOLLOW"), US)).isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("none"), US)).isEqualTo(new RobotsTag(true, true));
    assertThat(RobotsTag.of(List.of("all"), US)).isEqualTo(RobotsTag.NONE);
  }

  @Test
  void directivesForAnotherCrawlerAreNotOurs() {
    assertThat(RobotsTag.of(List.of("googlebot: noindex, nofollow"), US)).isEqualTo(RobotsTag.NONE);
    assertThat(RobotsTag.of(List.of("SitePulse: nofollow"), US)).isEqualTo(new RobotsTag(false, true));
  }

  @Test
  void aDirectiveWithAValueIsNotTakenForACrawlersName() {
    assertThat(RobotsTag.of(List.of("unavailable_after: 25 Jun 2010 15:00:00 PST"), US)).isEqualTo(RobotsTag.NONE);
    assertThat(RobotsTag.of(List.of("max-snippet: 20, noindex"), US)).isEqualTo(new RobotsTag(true, false));
    assertThat(RobotsTag.of(List.of("noindex, unavailable_after: 25 Jun 2010"), US)).isEqualTo(new RobotsTag(true, false));
  }

  @Test
  void theStricterOfSeveralHeadersHolds() {
    assertThat(RobotsTag.of(List.of("index, follow", "sitepulse: noindex", "otherbot: nofollow"), US))
        .isEqualTo(new RobotsTag(true, false));
  }
}
