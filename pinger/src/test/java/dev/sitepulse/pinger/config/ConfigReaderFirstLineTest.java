package dev.sitepulse.pinger.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reason a config error gives from another library's message. No config was found whose
 * message opens with a line break (SnakeYAML's, Jackson's and our own all start with text), so
 * the method is tested alone, as QueryErrors and IndexErrors test theirs.
 */
class ConfigReaderFirstLineTest {

  @Test
  void aMessageThatOpensWithALineBreakGivesItsFirstLineOfText() {
    assertThat(ConfigReader.firstLine("\n  found a tab\nat line 2")).isEqualTo("found a tab");
    assertThat(ConfigReader.firstLine("\r\nfound a tab")).isEqualTo("found a tab");
  }

  @Test
  void aMessageOfSeveralLinesGivesItsFirstAlone() {
    assertThat(ConfigReader.firstLine("expected a scalar \nin \"reader\", line 3")).isEqualTo("expected a scalar");
  }

  @Test
  void noMessageOrABlankOneSaysTheValueIsInvalid() {
    assertThat(ConfigReader.firstLine(null)).isEqualTo("invalid value");
    assertThat(ConfigReader.firstLine(" \n ")).isEqualTo("invalid value");
  }
}
