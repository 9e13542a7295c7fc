package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WatchRunTest {

  private static final Path HISTORY = Path.of("data/history.db");

  @Test
  void theStartLineGivesAnIpv6AddressInBracketsSoItsUrlCanBeOpened() {
    String line = WatchRun.startLine(2, "::1", 39687, HISTORY);

    assertThat(line).isEqualTo("sitepulse watch: 2 targets, http://[::1]:39687/ , history data/history.db");
    URI url = URI.create(line.split(" ")[4]);
    assertThat(url.getHost()).isEqualTo("[::1]");
    assertThat(url.getPort()).isEqualTo(39687);
  }

  @Test
  void theStartLineCountsOneTargetInTheSingular() {
    assertThat(WatchRun.startLine(1, "127.0.0.1", 9321, HISTORY))
        .isEqualTo("sitepulse watch: 1 target, http://127.0.0.1:9321/ , history data/history.db");
  }
}
