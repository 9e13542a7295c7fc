package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void aConsoleGetsColoursUnlessNoColorIsSetOrTheTerminalIsDumb() {
    assertThat(Terminal.colors(true, Map.of("TERM", "xterm-256color"))).isTrue();
    assertThat(Terminal.colors(true, Map.of())).isTrue();
    assertThat(Terminal.colors(true, Map.of("TERM", "xterm", "NO_COLOR", "1"))).isFalse();
    assertThat(Terminal.colors(true, Map.of("TERM", "xterm", "NO_COLOR", ""))).isTrue(); // no-color.org
    assertThat(Terminal.colors(true, Map.of("TERM", "dumb"))).isFalse();
    assertThat(Terminal.colors(false, Map.of("TERM", "xterm"))).isFalse();
  }
}
