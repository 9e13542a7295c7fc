package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnavailableAfterTest {

  @Test
  void rfc822ZoneNamesAreTheirFixedOffsetsEvenInSummer() {
    assertThat(UnavailableAfter.parse("25 Jun 2010 15:00:00 PST")).isEqualTo(Instant.parse("2010-06-25T23:00:00Z"));
    assertThat(UnavailableAfter.parse("25 Jun 2010 15:00:00 EDT")).isEqualTo(Instant.parse("2010-06-25T19:00:00Z"));
    assertThat(UnavailableAfter.parse("Fri, 25 Jun 2010 15:00:00 GMT")).isEqualTo(Instant.parse("2010-06-25T15:00:00Z"));
  }

  @Test
  void aMonthsFullNameAndAnIsoDateWithASpaceForTheTAreRead() {
    assertThat(UnavailableAfter.parse("25 June 2010")).isEqualTo(Instant.parse("2010-06-25T00:00:00Z"));
    assertThat(UnavailableAfter.parse("2010-06-25 15:00")).isEqualTo(Instant.parse("2010-06-25T15:00:00Z"));
    assertThat(UnavailableAfter.parse("2010-06-25 15:00:00+02:00")).isEqualTo(Instant.parse("2010-06-25T13:00:00Z"));
    assertThat(UnavailableAfter.parse("25 Jun 2010")).isEqualTo(Instant.parse("2010-06-25T00:00:00Z"));
  }
}
