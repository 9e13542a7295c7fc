package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
