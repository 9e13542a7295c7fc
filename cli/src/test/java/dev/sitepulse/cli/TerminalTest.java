package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void aConsoleGetsColoursUnlessNoColorIsSetOrTheTerminalIsDumb() {
    assertThat(Terminal.colors(true, Map.of("TERM", "xterm-256color"))).isTrue();
    assertThat(Terminal.colors(true, Map.of())).isTrue();
    assertThat(Terminal.colors(true, Map.of("TERM", "xterm", "NO_COLOR", ""))).isFalse();
    assertThat(Terminal.colors(true, Map.of("TERM", "dumb"))).isFalse();
    assertThat(Terminal.colors(false, Map.of("TERM", "xterm"))).isFalse();
  }
}
