package dev.sitepulse.cli.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.config.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ping checks: each name once, since results, metrics and perfdata are told apart by name. */
class PingTargetsTest {

  private static final String FILE = "ping.yaml";

  /** Nothing listens on the discard port, so a check is refused at once. */
  private static final String REFUSED = "http://127.0.0.1:9/";

  @TempDir Path dir;

  @Test
  void twoConfigTargetsOfOneNameAreRejectedAtTheSecondName() {
    assertThatThrownBy(() -> SitepulseConfig.read("""
        targets:
          - name: shop
            url: http://127.0.0.1/a
          - name: shop
            url: http://127.0.0.1/b
        """, FILE, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FILE + ":4:11: targets[1].name (target \"shop\"): the name \"shop\" is used by targets[0] too;"
            + " targets are told apart by name");
  }

  @Test
  void twoUnnamedTargetsOfOneUrlAreRejectedAtTheSecondUrl() {
    assertThatThrownBy(() -> SitepulseConfig.read("""
        targets:
          - url: http://127.0.0.1/a
          - url: http://127.0.0.1/a
            method: HEAD
        """, FILE, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FILE + ":3:10: targets[1].url: the name \"http://127.0.0.1/a\" (its URL, as it has no name)"
            + " is used by targets[0] too; targets are told apart by name");
  }

  @Test
  void pingRejectsAConfigWithTwoTargetsOfOneNameAsAConfigError() throws Exception {
    Path config = Files.writeString(dir.resolve(FILE), """
        targets:
          - name: a
            url: %sx
          - name: a
            url: %sy
        """.formatted(REFUSED, REFUSED));

    CommandLineRun run = CommandLineRun.of("ping", "-c", config.toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + config
        + ":4:11: targets[1].name (target \"a\"): the name \"a\" is used by targets[0] too; targets are told apart by name\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aUrlGivenMoreThanOnceIsCheckedOnceWithOneNote() {
    List<String> notes = new ArrayList<>();

    PingRun run = PingRun.from(null, PingRun.Overrides.NONE,
        List.of("http://a/", "http://b/", "http://a/", "http://a/"), notes::add);

    assertThat(run.targets()).extracting(Target::url).containsExactly("http://a/", "http://b/");
    assertThat(notes).containsExactly("http://a/ given 3 times; checked once");
  }

  @Test
  void aUrlGivenTwiceWithCredentialsIsNotedWithoutThem() {
    List<String> notes = new ArrayList<>();

    PingRun run = PingRun.from(null, PingRun.Overrides.NONE,
        List.of("http://u:secret@a/", "http://u:secret@a/"), notes::add);

    assertThat(run.targets()).extracting(Target::name).containsExactly("http://a/");
    assertThat(notes).containsExactly("http://a/ given twice; checked once");
  }

  @Test
  void urlsThatDifferOnlyInCredentialsAreAUsageErrorNotTwoResultsOfOneName() {
    // Both are named http://a/: prometheus printed two samples of one series, which a scrape rejects.
    assertThatThrownBy(() -> PingRun.from(null, PingRun.Overrides.NONE,
        List.of("http://u:secret@a/", "http://a/"), n -> { }))
        .isInstanceOf(UsageException.class)
        .hasMessage("http://a/ is given with different user:password@ (or with and without one);"
            + " targets are told apart by their URL without it, so name them in a config");
  }

  @Test
  void aUrlWithCredentialsThatIsAlsoAConfigTargetIsCheckedOnce() {
    SitepulseConfig config = SitepulseConfig.read("targets:\n  - url: http://u:secret@a/\n", FILE, Map.of());
    List<String> notes = new ArrayList<>();

    PingRun run = PingRun.from(config, PingRun.Overrides.NONE, List.of("http://u:secret@a/"), notes::add);

    assertThat(run.targets()).extracting(Target::name).containsExactly("http://a/");
    assertThat(notes).containsExactly("http://a/ is a target in the config too; checked once");
  }

  @Test
  void aUrlThatIsAlsoAConfigTargetIsCheckedOnce() {
    SitepulseConfig config = SitepulseConfig.read("targets:\n  - url: http://a/\n", FILE, Map.of());
    List<String> notes = new ArrayList<>();

    PingRun run = PingRun.from(config, PingRun.Overrides.NONE, List.of("http://a/"), notes::add);

    assertThat(run.targets()).extracting(Target::url).containsExactly("http://a/");
    assertThat(notes).containsExactly("http://a/ is a target in the config too; checked once");
  }

  @Test
  void aBodyConditionUnderMaxBodyZeroIsAUsageErrorNotABodyThatSeemsEmpty() {
    // Every check failed "body is empty, not JSON" though the server had sent one: none was read.
    SitepulseConfig config = SitepulseConfig.read("""
        targets:
          - name: health
            url: http://a/health
            conditions: ["[STATUS] == 200", "[BODY].status == UP"]
        """, FILE, Map.of());
    PingRun.Overrides maxBodyZero = new PingRun.Overrides(null, null, null, null, null, new DataSize(0), null, null, null, null, null);

    assertThatThrownBy(() -> PingRun.from(config, maxBodyZero, List.of(), n -> { }))
        .isInstanceOf(UsageException.class)
        .hasMessage("max-body is 0, so no body is read, yet target \"health\" has a condition on the body:"
            + " [BODY].status == UP; raise max-body or drop the condition");
    assertThat(PingRun.from(config, PingRun.Overrides.NONE, List.of(), n -> { }).targets()).hasSize(1);
  }

  @Test
  void aUrlThatIsTheNameOfAConfigTargetForAnotherUrlIsAUsageErrorNotSkipped() {
    SitepulseConfig config = SitepulseConfig.read(
        "targets:\n  - name: http://a/status/200\n    url: http://a/status/500\n", FILE, Map.of());

    assertThatThrownBy(() -> PingRun.from(config, PingRun.Overrides.NONE, List.of("http://a/status/200"), n -> { }))
        .isInstanceOf(UsageException.class)
        .hasMessage("http://a/status/200 is also the name of a config target that checks http://a/status/500;"
            + " rename that target");
  }

  @Test
  void theNoteGoesToStderrAndTheResultsHaveOneLinePerUrl() {
    CommandLineRun run = CommandLineRun.of("ping", "--format", "csv", REFUSED, REFUSED);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: " + REFUSED + " given twice; checked once\n");
    assertThat(run.out().lines().filter(l -> l.startsWith(REFUSED))).hasSize(1);
  }

  @Test
  void aByteOrderMarkBeforeTheFirstStdinUrlIsNoPartOfIt() {
    CommandLineRun run = CommandLineRun.withStdin("\uFEFF" + REFUSED + "\n", "ping", "--format", "csv", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.out()).contains(REFUSED + ",ERROR,CONNECT_REFUSED").doesNotContain("INVALID_URL");
  }

  @Test
  void aByteOrderMarkBeforeACommentLeavesItAComment() {
    CommandLineRun run = CommandLineRun.withStdin("\uFEFF# checked daily\n" + REFUSED + "\n", "ping", "--format", "csv", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.out().lines().skip(1)).singleElement().asString().startsWith(REFUSED + ",");
  }
}
