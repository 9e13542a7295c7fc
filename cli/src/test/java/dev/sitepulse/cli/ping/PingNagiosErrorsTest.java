package dev.sitepulse.cli.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.CommandLineRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ping --format nagios} when nothing could be checked: Nagios shows a plugin's stdout only,
 * so the error is an UNKNOWN status line there as well as the one line on stderr.
 */
class PingNagiosErrorsTest {

  @TempDir Path dir;

  @Test
  void aConfigErrorIsAnUnknownStatusLineOnStdoutAndStillOneLineOnStderr() {
    CommandLineRun run = CommandLineRun.of("ping", "--format", "nagios", "-c", dir.resolve("typo.yaml").toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + dir.resolve("typo.yaml") + ": no such file\n");
    assertThat(run.out()).isEqualTo("SITEPULSE UNKNOWN - " + dir.resolve("typo.yaml") + ": no such file\n");
  }

  @Test
  void anOptionErrorBeforeTheFormatIsNamedOnStdoutToo() {
    // picocli stops at --timeout before it reads --format: the words tell what was asked for.
    CommandLineRun run = CommandLineRun.of("ping", "--timeout", "10x", "--format=NAGIOS", "http://127.0.0.1:1/");

    String error = "Invalid value for option '--timeout': \"10x\" is not a duration (use e.g. 500ms, 10s, 2m, 1h30m, 7d)";
    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.out()).isEqualTo("SITEPULSE UNKNOWN - " + error + "\n");
    assertThat(run.err().lines().toList())
        .containsExactly("sitepulse: " + error, "Try 'sitepulse ping --help' for more information.");
  }

  @Test
  void noTargetsIsUnknownOnStdout() {
    CommandLineRun run = CommandLineRun.of("ping", "--format", "nagios");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.out()).startsWith("SITEPULSE UNKNOWN - no targets: ").doesNotContain("|").hasLineCount(1);
  }

  @Test
  void otherFormatsAndAFormatAfterDoubleDashKeepStdoutEmpty() {
    for (List<String> args : List.of(List.of("ping", "--format", "json", "--timeout", "10x", "http://127.0.0.1:1/"),
        List.of("ping", "--timeout", "10x", "--", "--format=nagios"))) {
      CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
      assertThat(run.out()).as("%s", args).isEmpty();
    }
  }
}
