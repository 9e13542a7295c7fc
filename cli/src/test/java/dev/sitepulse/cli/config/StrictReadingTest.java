package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.FILE;
import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sitepulse.pinger.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What YAML lets through but a config must not: keys given twice, numbers out of range, other encodings. */
class StrictReadingTest {

  @Test
  void controlCharactersOfAKeyOrValueReachTheErrorEscapedNotRaw() {
    // ESC c resets the terminal that shows the error; a NUL or a U+2028 breaks the line for some readers.
    assertConfigError("defaults:\n  timeout: \"2s\\ec\\L\"\n")
        .isEqualTo(FILE + ":2:12: defaults.timeout: \"2s\\u001bc\\u2028\" is not a duration (use e.g. 500ms, 10s, 2m, 1h30m, 7d)");
    assertConfigError("defaults:\n  \"time\\0out\": 2s\n")
        .isEqualTo(FILE + ":2:3: defaults.time\\u0000out: unknown key (did you mean timeout?)");
  }

  @Test
  void aConfigNestedPastJacksonsLimitIsRefusedAtTheListOrMappingPastItWithoutJacksonsSettingName() {
    // The root mapping is level 1, so the 1000th bracket, at column 9 + 1000, opens level 1001.
    assertConfigError("targets: " + "[".repeat(10_000) + "\n")
        .isEqualTo(FILE + ":1:1009: not valid YAML: it nests lists and mappings more than 1000 levels deep");
    StringBuilder deep = new StringBuilder("targets:\n");
    for (int i = 0; i < 1_100; i++) {
      deep.append("  ".repeat(i + 1)).append('k').append(i).append(":\n");
    }
    // Line n opens level n: level 1001's first key is on line 1001, after 2 * 1000 spaces.
    assertConfigError(deep.toString())
        .isEqualTo(FILE + ":1001:2001: not valid YAML: it nests lists and mappings more than 1000 levels deep");
  }

  @Test
  void aKeyThatIsAListOrMappingIsSaidWithoutSnakeYamlsEventClass() {
    assertConfigError("defaults:\n  ? [a, b]\n  : 1\n")
        .isEqualTo(FILE + ":2:6: not valid YAML: a key must be text, not a list or mapping");
  }

  @Test
  void aTabBetweenAKeyAndItsValueIsSaidToBeThereNotToIndent() {
    assertConfigError("defaults:\n  timeout:\t2s\n")
        .isEqualTo(FILE + ":2:11: not valid YAML: a tab after \"timeout:\", where YAML takes only spaces; write a space instead");
    assertConfigError("defaults:\n\ttimeout: 2s\n").startsWith(FILE + ":2:1: not valid YAML: while scanning for the next token:")
        .endsWith("(Do not use \\t(TAB) for indentation)");
  }

  @Test
  void aKeyGivenTwiceInATargetIsRejectedAtItsSecondLine() {
    assertConfigError("""
        targets:
          - name: a
            url: http://127.0.0.1/
            name: b
        """).isEqualTo(FILE + ":4:5: targets[0].name (target \"b\"): given twice (first on line 2)");
  }

  @Test
  void aHeaderGivenTwiceIsRejected() {
    assertConfigError("""
        defaults:
          headers:
            Accept: text/html
            Accept: "*/*"
        """).isEqualTo(FILE + ":4:5: defaults.headers.Accept: given twice (first on line 3)");
  }

  @Test
  void aSectionGivenTwiceIsRejected() {
    assertConfigError("""
        defaults:
          timeout: 1s
        defaults:
          retries: 1
        """).isEqualTo(FILE + ":3:1: defaults: given twice (first on line 1)");
  }

  @Test
  void aYamlAliasIsRejectedInsteadOfBecomingTheAnchorsName() {
    assertConfigError("""
        targets:
          - name: &n web
            url: http://127.0.0.1/
            group: *n
        """).isEqualTo(FILE + ":4:12: targets[0].group (target \"web\"): YAML aliases (*n) are not supported;"
            + " write the value out");
  }

  @Test
  void aYamlTagIsRejectedInsteadOfBeingReadAsText() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            name: !!binary aGVsbG8=
        """).startsWith(FILE + ":3:11: targets[0].name: YAML tags (").endsWith(") are not supported; write the value plainly");
  }

  @Test
  void wholeNumbersAreReadInDecimalOnlyNotAsYaml11OctalOrHex() {
    for (String n : new String[] {"010", "0x8", "1_000", "+5"}) {
      assertConfigError("defaults:\n  max-redirects: " + n + "\n").as(n)
          .isEqualTo(FILE + ":2:18: defaults.max-redirects: write whole numbers in plain decimal digits (as 8 or"
              + " 1000), got " + n);
    }
  }

  @Test
  void textThatLooksLikeAnOctalNumberStaysTextAsWritten() {
    SitepulseConfig config = SitepulseConfig.read(
        "targets:\n  - url: http://127.0.0.1/\n    headers:\n      X-Code: 010\n", FILE, java.util.Map.of());

    assertThat(config.targets().get(0).headers()).containsEntry("X-Code", "010");
  }

  @Test
  void aSwitchTakesTrueOrFalseOnlyNotYesOnOrANumber() {
    for (String v : new String[] {"yes", "on", "2", "\"\"", "1"}) {
      assertConfigError("defaults:\n  insecure: " + v + "\n").as(v)
          .startsWith(FILE + ":2:13: defaults.insecure: expected true or false, got \"");
    }
  }

  @Test
  void aQuotedSwitchIsRefusedWithWhyNotAsIfFalseWereNotFalse() {
    assertConfigError("defaults:\n  insecure: \"false\"\n").isEqualTo(FILE + ":2:13: defaults.insecure: expected true"
        + " or false, got \"false\" in quotes, which is text; write false without them");
    assertConfigError("defaults:\n  insecure: 'True'\n").endsWith("got \"True\" in quotes, which is text; write true without them");
  }

  @Test
  void aQuotedWholeNumberIsRefusedAsAQuotedSwitchIsNotReadAsTheNumber() {
    // Jackson took "3" as 3, and so "010" as 10, "+3", " 3" and "" too, which written plainly are errors.
    assertConfigError("watch:\n  failure-threshold: \"3\"\n").isEqualTo(FILE + ":2:22: watch.failure-threshold:"
        + " expected a whole number, got \"3\" in quotes, which is text; write 3 without them");
    assertConfigError("defaults:\n  retries: '010'\n")
        .endsWith("expected a whole number, got \"010\" in quotes, which is text");
    for (String v : new String[] {"\"+3\"", "\" 3\"", "\"\"", "\"three\""}) {
      assertConfigError("defaults:\n  concurrency: " + v + "\n").as(v)
          .startsWith(FILE + ":2:16: defaults.concurrency: expected a whole number, got \"");
    }
  }

  @Test
  void aConfigPastSnakeYamlsThreeMegabytesIsRead() {
    StringBuilder yaml = new StringBuilder("targets:\n");
    for (int i = 0; i < 40_000; i++) {
      yaml.append("  - name: target-").append(i).append("\n    url: http://127.0.0.1:8080/status?n=").append(i)
          .append("\n    group: group-").append(i % 100).append('\n');
    }
    assertThat(yaml.length()).isGreaterThan(3 << 20);

    assertThat(SitepulseConfig.read(yaml.toString(), FILE, java.util.Map.of()).targets()).hasSize(40_000);
  }

  @Test
  void aLineLongerThanAMebibyteIsRefusedAtItsLineRatherThanReadInTimeThatGrowsWithItsSquare() {
    // SnakeYAML copies what it holds of a value each time it reads 1024 more characters: a value
    // of 4 MB on one line took 20 CPU-seconds, of 60 MB (under the 64 MB limit) hours.
    String value = "A".repeat((1 << 20) + 1);
    assertConfigError("targets:\n  - name: t\n    url: http://127.0.0.1/\n    method: POST\n    body: \"" + value + "\"\n")
        .isEqualTo(FILE + ":5: a line of 1048589 characters, over the 1 MiB a config's line may hold (YAML takes"
            + " time that grows with the square of a line's length); break it: a double-quoted value goes on"
            + " after a line that ends in \\");
  }

  @Test
  void aLongValueBrokenOverLinesThatEndInABackslashIsReadWhole() {
    // What the error above tells the writer of a long value to do.
    String body = SitepulseConfig.read("targets:\n  - name: t\n    url: http://127.0.0.1/\n    method: POST\n"
        + "    body: \"AAA\\\n      BBB\\\n      CCC\"\n", FILE, java.util.Map.of()).targets().get(0).body();
    assertThat(body).isEqualTo("AAABBBCCC");
  }

  @Test
  void aConfigThatNeverEndsIsRefusedOnceItPassesTheLimitNotReadUntilTheMemoryRunsOut() {
    Path endless = Path.of("/dev/zero"); // as -c /dev/zero, or a pipe that is never closed, gives it
    assumeTrue(Files.isReadable(endless));

    assertThatThrownBy(() -> SitepulseConfig.read(endless)).isInstanceOf(ConfigException.class)
        .hasMessage("/dev/zero: larger than a config may be (64 MB)");
  }

  @Test
  void aSecondYamlDocumentIsNamedAsSuch() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        ---
        defaults:
          retries: 1
        """).isEqualTo(FILE + ":3:1: a second YAML document starts here; a config is one document");
  }

  @Test
  void aSecondYamlDocumentIsPlacedAtItsDashesNotAtItsFirstKeyBelowComments() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        ---
        # kept from an older file

        defaults:
          retries: 1
        """).isEqualTo(FILE + ":3:1: a second YAML document starts here; a config is one document");
  }

  @Test
  void anEmptyFileNameOrAFolderIsNamedForWhatItIs(@TempDir Path dir) {
    assertThatThrownBy(() -> SitepulseConfig.read(Path.of(""))).isInstanceOf(ConfigException.class)
        .hasMessage("the config file name is empty");
    assertThatThrownBy(() -> SitepulseConfig.read(dir)).isInstanceOf(ConfigException.class)
        .hasMessage(dir + ": a folder, not a config file");
  }

  @Test
  void aNumberTooLargeForItsKeyNamesTheKeyAndTheNumber() {
    assertConfigError("""
        defaults:
          concurrency: 99999999999
        """).isEqualTo(FILE + ":2:16: defaults.concurrency: 99999999999 is too large");
  }

  @Test
  void aFractionWhereAWholeNumberBelongsIsCalledNotAWholeNumber() {
    assertConfigError("""
        defaults:
          concurrency: 1.5
        """).isEqualTo(FILE + ":2:16: defaults.concurrency: expected a whole number, got \"1.5\"");
    assertConfigError("""
        crawl:
          max-pages: lots
        """).isEqualTo(FILE + ":2:14: crawl.max-pages: expected a whole number, got \"lots\"");
  }

  @Test
  void aNumberInExponentFormWhereAWholeNumberBelongsIsQuotedAsWritten() {
    assertConfigError("""
        defaults:
          retries: 1e3
        """).isEqualTo(FILE + ":2:12: defaults.retries: expected a whole number, got \"1e3\"");
  }

  @Test
  void aNumberTooLargeAnywhereIsRejectedTheSameWay() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            retries: -99999999999
        """).isEqualTo(FILE + ":3:14: targets[0].retries: -99999999999 is too small");
    assertConfigError("""
        crawl:
          max-pages: 1000000000000000000000
        """).isEqualTo(FILE + ":2:14: crawl.max-pages: 1000000000000000000000 is too large");
  }

  @Test
  void aFileThatIsNotUtf8NamesTheFileAndWhereTheFirstBadByteIs(@TempDir Path dir) throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1.yaml"),
        "targets:\n  - url: http://127.0.0.1/\n    name: café\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> SitepulseConfig.read(latin1))
        .isInstanceOf(ConfigException.class)
        .hasMessage(latin1 + ":3:14: not UTF-8 text (byte 0xe9); save the file as UTF-8");
  }
}
