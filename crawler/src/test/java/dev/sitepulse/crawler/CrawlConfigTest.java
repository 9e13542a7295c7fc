package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.urls.StrippedParameters;
import dev.sitepulse.pinger.config.InvalidValueException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A crawl's settings are refused when built, naming the one that is wrong, not later on the loop. */
class CrawlConfigTest {

  /** A builder each time: one is changed by every setting given. */
  private static CrawlConfig.Builder crawl() {
    return CrawlConfig.builder(List.of("http://docs.example/"), Path.of("data"));
  }

  @Test
  void aCommitTimeUnderAMillisecondIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> crawl().commitEvery(2000, Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("commit-every must be at least 1ms, got 0ms");
    assertThatThrownBy(() -> crawl().commitEvery(2000, Duration.ofNanos(500_000)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("commit-every must be at least 1ms");
    assertThatThrownBy(() -> crawl().commitEvery(2000, null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("commit-every must be at least 1ms, got none");
  }

  @Test
  void aMissingOrEmptyUserAgentDataFolderOrDelayIsRefusedNamingIt() {
    assertThatThrownBy(() -> crawl().userAgent(null).build()).hasMessage("user-agent must not be empty");
    assertThatThrownBy(() -> crawl().userAgent(" ").build()).hasMessage("user-agent must not be empty");
    assertThatThrownBy(() -> CrawlConfig.builder(List.of("http://docs.example/"), null).build())
        .hasMessage("a crawl needs a data folder");
    assertThatThrownBy(() -> crawl().delay(null).build()).hasMessage("delay cannot be negative");
  }

  @Test
  void aDelayPastAnHourIsRefusedNamingTheBoundWhereverItIsGiven() {
    // 30d, and at most 292 years, which System.nanoTime() plus the delay would overflow.
    Duration month = Duration.ofDays(30);

    assertThatThrownBy(() -> crawl().delay(month).build()).hasMessage("delay can be at most 1h, got 30d");
    assertThatThrownBy(() -> new CrawlSpec(null, null, null, null, null, null, null, null, null, null,
        month, null, null, null, null, null))
        .isInstanceOf(InvalidValueException.class).hasMessage("delay can be at most 1h, got 30d");
    crawl().delay(CrawlConfig.MAX_DELAY).build();
  }

  @Test
  void aStripParamsEntryThatIsNoParameterNameIsRefusedAtItsKeyAndQuoted() {
    assertThatThrownBy(() -> new CrawlSpec(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, List.of("jsessionid", "session id")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("strip-params takes parameter names (letters, digits, . _ ~ -, a * at the end for a prefix),"
            + " default or none, got \"session id\"")
        .extracting(e -> ((InvalidValueException) e).key()).isEqualTo("strip-params");
  }

  @Test
  void aCrawlStripsTheBuiltInParametersUnlessTheSpecListsOthers() {
    CrawlSpec seed = new CrawlSpec(List.of("http://docs.example/"), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    assertThat(seed.toConfig(CrawlStart.RESUME).stripParams()).isEqualTo(StrippedParameters.DEFAULT);
    CrawlSpec sid = new CrawlSpec(null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, List.of("default", "sid"));
    assertThat(sid.over(seed).toConfig(CrawlStart.RESUME).stripParams().names()).endsWith("utm_*", "sid");
  }
}
