package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;

import org.junit.jupiter.api.Test;

/** A condition left unquoted is YAML's list syntax: the error says to quote it, on its line. */
class UnquotedConditionTest {

  private static final String FILE = ConfigErrors.FILE;

  @Test
  void anUnquotedConditionInABlockListIsShownQuoted() {
    assertConfigError("""
        targets:
          - url: http://a/
            conditions:
              - [STATUS] == 200
        """)
        .startsWith(FILE + ":4:18: not valid YAML: ")
        .endsWith("; YAML reads a [ that starts a value as a list, so quote the condition: - \"[STATUS] == 200\"");
    assertConfigError("""
        targets:
          - url: http://a/
            conditions:
              - "[STATUS] == 200"
              - [BODY].status == UP
        """)
        .startsWith(FILE + ":5:15: not valid YAML: ")
        .endsWith("quote the condition: - \"[BODY].status == UP\"");
  }

  @Test
  void anUnquotedConditionInAFlowListGetsTheSameAdvice() {
    assertConfigError("""
        targets:
          - url: http://a/
            conditions: ["[STATUS] == 200", [BODY] == x]
        """)
        .startsWith(FILE + ":3:")
        .endsWith("quote the condition: - \"[STATUS] == 200\"");
  }

  @Test
  void aBareUnquotedPlaceholderThatYamlReadAsAListSaysSo() {
    assertConfigError("""
        targets:
          - name: t
            url: http://a/
            conditions:
              - [STATUS]
        """)
        .isEqualTo(FILE + ":5:9: targets[0].conditions[0] (target \"t\"): expected a condition, got a list;"
            + " YAML reads a [ that starts a value as a list, so quote the condition: - \"[STATUS] == 200\"");
  }

  @Test
  void otherYamlMistakesGetNoAdviceAboutConditions() {
    assertConfigError("""
        targets:
          - url: http://a/
            conditions:
              - "[STATUS] == 200"
            headers: [a] b
        """)
        .doesNotContain("quote the condition");
  }
}
