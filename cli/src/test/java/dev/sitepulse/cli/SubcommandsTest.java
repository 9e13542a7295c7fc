package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main builds only the subcommand a command line names; what users see must not change. */
class SubcommandsTest {

  @Test
  void eachCommandIsListedUnderTheNameItsOwnAnnotationGives() {
    SitepulseCommand.COMMANDS.forEach((name, command) ->
        assertThat(new CommandLine(command.get()).getCommandName()).isEqualTo(name));
  }

  @Test
  void helpWithoutACommandStillListsThemAll() {
    CommandLineRun run = CommandLineRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(SitepulseCommand.COMMANDS.keySet());
  }

  @Test
  void aCommandBuiltAloneKeepsTheInheritedVerboseOptionAndTheSharedConverters() {
    CommandLineRun run = CommandLineRun.of("crawl", "-v", "--delay", "5x", "http://127.0.0.1:1/");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith(
        "sitepulse: Invalid value for option '--delay': \"5x\" is not a duration (use e.g. 500ms");
  }

  @Test
  void aMistypedCommandGetsTheUsageErrorThatNamesIt() {
    CommandLineRun run = CommandLineRun.of("serch", "x");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("sitepulse: Unmatched arguments from index 0: 'serch', 'x'");
  }
}
