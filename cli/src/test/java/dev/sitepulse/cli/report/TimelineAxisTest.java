package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineAxisTest {

  private static final Instant SINCE = Instant.parse("2026-12-04T12:15:00Z");
  private static final Pattern TICK = Pattern.compile("class=\"tick-label[^\"]*\"[^>]*>([^<]*)<");

  private static List<String> ticks(Duration span) {
    Matcher m = TICK.matcher(Charts.timeline(List.of(), SINCE, SINCE.plus(span)));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void aSpanOfTwoDaysPutsTheDateOnEveryTickSoNoneRepeats() {
    assertThat(ticks(Duration.ofDays(2))).containsExactly("12-04 12:15Z", "12-04 20:15Z", "12-05 04:15Z",
        "12-05 12:15Z", "12-05 20:15Z", "12-06 04:15Z", "12-06 12:15Z");
  }

  @Test
  void everySpanHasTicksThatNoOtherRepeatsInUtcSaidSo() {
    for (Duration span : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24),
        Duration.ofHours(25), Duration.ofDays(3), Duration.ofDays(6), Duration.ofDays(30))) {
      List<String> ticks = ticks(span);
      assertThat(ticks).as("%s", span).hasSize(7).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).endsWith("Z"));
    }
  }
}
