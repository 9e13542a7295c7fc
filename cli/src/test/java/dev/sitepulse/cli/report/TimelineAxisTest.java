package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TimelineAxisTest {

  private static final Instant SINCE = Instant.parse("2026-12-04T12:15:00Z");
  /** A window of minutes that starts off the minute: ticks fell at 23:29:06 and 23:29:21, the first two labels nearly on each other. */
  private static final Instant ODD = Instant.parse("2026-12-06T23:28:51.321Z");

  private static List<Element> labels(Instant since, Duration span) {
    return Jsoup.parse(Charts.timeline(List.of(), since, since.plus(span))).select("text.tick-label");
  }

  private static List<String> ticks(Instant since, Duration span) {
    List<String> out = new ArrayList<>();
    labels(since, span).forEach(e -> out.add(e.text()));
    return out;
  }

  @Test
  void aSpanOfTwoDaysPutsTheDateOnEveryTickAtRoundHours() {
    // 12-06 12:00 is a quarter of an hour before the end: its tick is drawn, its label would run off the chart.
    assertThat(ticks(SINCE, Duration.ofDays(2))).containsExactly("12-05 00:00Z", "12-05 12:00Z", "12-06 00:00Z");
  }

  @Test
  void aShortWindowHasTicksAtRoundTimesAStepApart() {
    assertThat(ticks(ODD, Duration.ofSeconds(85))).containsExactly("23:29:00Z", "23:29:15Z", "23:29:30Z",
        "23:29:45Z", "23:30:00Z");
    assertThat(ticks(ODD, Duration.ofMinutes(10))).containsExactly("23:30Z", "23:32Z", "23:34Z", "23:36Z", "23:38Z");
  }

  @Test
  void everySpanHasFewRoundTicksThatNoOtherRepeatsNoneTooCloseInUtcSaidSo() {
    for (Duration span : List.of(Duration.ofSeconds(61), Duration.ofSeconds(85), Duration.ofMinutes(5),
        Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(25), Duration.ofDays(3), Duration.ofDays(6),
        Duration.ofDays(13), Duration.ofDays(30), Duration.ofDays(400))) {
      for (Instant since : List.of(SINCE, ODD)) {
        List<Element> labels = labels(since, span);
        assertThat(labels).as("%s", span).hasSizeBetween(3, Charts.MAX_TICKS);
        List<String> texts = labels.stream().map(Element::text).toList();
        assertThat(texts).as("%s", span).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).endsWith("Z"));
        for (int i = 1; i < labels.size(); i++) {
          double gap = Double.parseDouble(labels.get(i).attr("x")) - Double.parseDouble(labels.get(i - 1).attr("x"));
          double room = (texts.get(i).length() + texts.get(i - 1).length()) * 6 / 2.0;
          assertThat(gap).as("%s: %s and %s", span, texts.get(i - 1), texts.get(i)).isGreaterThan(room);
        }
      }
    }
  }
}
