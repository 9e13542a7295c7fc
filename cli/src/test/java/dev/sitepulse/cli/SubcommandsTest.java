package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertThat(run.err()).startsWith("sitepulse: unknown command 'serch' (did you mean search?)\n");
  }

  @Test
  void aMistypedOptionGetsTheUsageErrorThatSuggestsTheOptionItMeant() {
    CommandLineRun spaced = CommandLineRun.of("ping", "--timout", "1s", "http://127.0.0.1:1/");
    CommandLineRun joined = CommandLineRun.of("crawl", "--max-page=5", "http://127.0.0.1:1/");

    assertThat(spaced.exitCode()).as(spaced.toString()).isEqualTo(3);
    assertThat(spaced.err()).startsWith("sitepulse: Unknown option: '--timout' (did you mean --timeout?)\n");
    assertThat(joined.exitCode()).as(joined.toString()).isEqualTo(3);
    assertThat(joined.err()).startsWith("sitepulse: Unknown option: '--max-page=5' (did you mean --max-pages?)\n");
  }

  @Test
  void anUnknownChoiceIsRefusedWithTheChoicesInLowerCaseAsTheConfigWritesThem() {
    CommandLineRun scope = CommandLineRun.of("crawl", "--scope", "planet", "http://127.0.0.1:1/");
    CommandLineRun external = CommandLineRun.of("links", "--external", "maybe", "http://127.0.0.1:1/");
    CommandLineRun format = CommandLineRun.of("search", "--format", "xml", "q");

    assertThat(scope.exitCode()).as(scope.toString()).isEqualTo(3);
    assertThat(scope.err()).startsWith("sitepulse: Invalid value for option '--scope': "
        + "expected one of host, domain, prefix, regex, got \"planet\"\n");
    assertThat(external.err()).startsWith("sitepulse: Invalid value for option '--external': "
        + "expected one of check, skip, got \"maybe\"\n");
    assertThat(format.err()).startsWith("sitepulse: Invalid value for option '--format': "
        + "expected one of table, json, got \"xml\"\n");
  }

  @Test
  void aNumberOptionGivenSomethingElseIsRefusedInTheConfigsWordsNotJavasInt() {
    String[][] commands = {
      {"ping", "--concurrency", "abc", "http://127.0.0.1:1/"},
      {"crawl", "--per-host", "1.5", "http://127.0.0.1:1/"},
      {"search", "--limit", "1e2", "q"},
      {"analyze", "--top", "99999999999"},
    };
    String[] said = {
      "expected a whole number, got \"abc\"", "expected a whole number, got \"1.5\"",
      "expected a whole number, got \"1e2\"", "99999999999 is too large",
    };
    for (int i = 0; i < commands.length; i++) {
      CommandLineRun run = CommandLineRun.of(commands[i]);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(run.toString()).isEqualTo("sitepulse: Invalid value for option '" + commands[i][1]
          + "': " + said[i] + "\nTry 'sitepulse " + commands[i][0] + " --help' for more information.\n");
    }
    CommandLineRun negative = CommandLineRun.of("crawl", "--max-pages", "-1", "http://127.0.0.1:1/");
    assertThat(negative.err()).startsWith("sitepulse: --max-pages must be 0 (no limit) or more, got -1");
    CommandLineRun plus = CommandLineRun.of("analyze", "--top", "+0", "--data", "/nonexistent-qa");
    assertThat(plus.err()).as("a plus sign, as Java's int reads it").startsWith("sitepulse: --top must be");
  }

  @Test
  void aChoiceIsTakenInAnyCase() {
    CommandLineRun run = CommandLineRun.of("analyze", "--format", "JSON", "--data", "/nonexistent-qa", "--top", "1");

    assertThat(run.err()).doesNotContain("Invalid value");
  }

  @Test
  void aShortOptionIsNeverTheSuggestionForALongOneMistyped() {
    CommandLineRun run = CommandLineRun.of("ping", "--V", "http://127.0.0.1:1/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).startsWith("sitepulse: Unknown option: '--V'\n");
  }

  @Test
  void aUrlInThePlaceOfACommandGetsTheListOfCommands() {
    CommandLineRun run = CommandLineRun.of("https://example.com/");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("sitepulse: unknown command 'https://example.com/'; the commands are ping,");
  }
  @Test
  void generateCompletionRefusesWhatItDoesNotTakeInsteadOfPrintingTheScriptAnyway() {
    CommandLineRun option = CommandLineRun.of("generate-completion", "--bogus");
    CommandLineRun word = CommandLineRun.of("generate-completion", "zsh");

    assertThat(option.exitCode()).as(option.toString()).isEqualTo(3);
    assertThat(option.out()).isEmpty();
    assertThat(option.err()).startsWith("sitepulse: Unknown option: '--bogus'\n");
    assertThat(word.exitCode()).as(word.toString()).isEqualTo(3);
    assertThat(word.err()).startsWith("sitepulse: Unmatched argument at index 1: 'zsh'\n");
  }

  @Test
  void theCompletionScriptOffersEveryChoiceInLowerCaseAsHelpAndDocsWriteIt() {
    String script = CommandLineRun.of("generate-completion").out();

    assertThat(script)
        .contains("SCOPE_option_args=(\"host\" \"domain\" \"prefix\" \"regex\")")
        .contains("MODE_option_args=(\"check\" \"skip\")")
        .contains("FORMAT_option_args=(\"table\" \"json\" \"jsonl\" \"csv\" \"prometheus\" \"nagios\")")
        .contains("FORMAT_option_args=(\"table\" \"json\" \"html\")")
        .contains("FORMAT_option_args=(\"table\" \"json\" \"csv\" \"junit\")")
        .doesNotContain("\"TABLE\"", "\"HOST\"", "\"CHECK\"");
  }

  /** Each command's options whose value is one of an enum's constants, as "command --option". */
  private static java.util.Map<String, CommandLine.Model.OptionSpec> choiceOptions() {
    java.util.Map<String, CommandLine.Model.OptionSpec> choices = new java.util.LinkedHashMap<>();
    SitepulseCommand.COMMANDS.forEach((name, command) -> {
      for (CommandLine.Model.OptionSpec option : new CommandLine(command.get()).getCommandSpec().options()) {
        if (option.auxiliaryTypes()[0].isEnum()) {
          choices.put(name + " " + option.longestName(), option);
        }
      }
    });
    return choices;
  }

  @Test
  void everyChoiceOfEveryCommandIsOfferedInLowerCase() {
    choiceOptions().forEach((option, spec) -> assertThat(spec.completionCandidates()).as(option)
        .allMatch(choice -> choice.equals(choice.toLowerCase(java.util.Locale.ROOT))));
  }

  @Test
  void everyChoiceOfEveryCommandIsRefusedInOneWordingNamingTheChoicesInLowerCase() {
    java.util.Map<String, CommandLine.Model.OptionSpec> choices = choiceOptions();
    choices.forEach((option, spec) -> {
      CommandLineRun run = CommandLineRun.of((option + " bogus").split(" "));
      String said = run.err().lines().findFirst().orElse("");

      assertThat(run.exitCode()).as(said).isEqualTo(3);
      java.util.List<String> names = new java.util.ArrayList<>();
      for (Object constant : spec.auxiliaryTypes()[0].getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        assertThat(said).as(option).contains(name.toLowerCase(java.util.Locale.ROOT)).doesNotContain(name);
        names.add(name.toLowerCase(java.util.Locale.ROOT));
      }
      // One wording for every choice, as the config words a bad one.
      assertThat(said).as(option).isEqualTo("sitepulse: Invalid value for option '" + spec.longestName()
          + "': expected one of " + String.join(", ", names) + ", got \"bogus\"");
    });
    assertThat(choices.keySet()).containsExactlyInAnyOrder("ping --format", "report --format", "crawl --scope",
        "search --format", "links --scope", "links --external", "links --format", "analyze --format");
  }

  @Test
  void generateCompletionAloneStillPrintsTheScript() {
    CommandLineRun run = CommandLineRun.of("generate-completion");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("complete -F _complete_sitepulse");
  }

  @Test
  void anEmptyDataFolderNameIsAUsageErrorNamingTheOptionAsCrawlAndLinksMakeIt() {
    String[][] commands = {
      {"search", "--data", "", "widget"},
      {"analyze", "--data", ""},
      {"report", "--data", ""},
      {"watch", "-c", "no-such-config.yaml", "--data", ""}, // refused before the config is read
    };
    for (String[] args : commands) {
      CommandLineRun run = CommandLineRun.of(args);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(args[0]).isEqualTo("sitepulse: --data must name a folder, got an empty value\n");
    }
  }

  @Test
  void aDataFolderThatIsAFileIsAUsageErrorNamingItInEveryCommandThatTakesOne(@TempDir Path dir) throws Exception {
    String file = Files.writeString(dir.resolve("notes.txt"), "not a folder\n").toString();
    String[][] commands = {
      {"crawl", "--data", file, "http://127.0.0.1:1/"},
      {"links", "--data", file, "http://127.0.0.1:1/"},
      {"search", "--data", file, "widget"},
      {"analyze", "--data", file},
      {"report", "--data", file},
    };
    for (String[] args : commands) {
      CommandLineRun run = CommandLineRun.of(args);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(args[0]).startsWith("sitepulse: ").contains(file).contains("is a file")
          .hasLineCount(1);
    }
  }

  @Test
  void aDataFolderInsideAFileIsAUsageErrorNamingTheFileInEveryCommandThatTakesOne(@TempDir Path dir) throws Exception {
    String file = Files.writeString(dir.resolve("notes.txt"), "not a folder\n").toString();
    String inside = file + "/crawl";
    String[][] commands = {
      {"crawl", "--data", inside, "http://127.0.0.1:1/"},
      {"links", "--data", inside, "http://127.0.0.1:1/"},
      {"search", "--data", inside, "widget"}, // was: run sitepulse crawl --data FILE/crawl SEED first
      {"analyze", "--data", inside},
      {"report", "--data", inside},
      {"watch", "-c", "no-such-config.yaml", "--data", inside},
    };
    for (String[] args : commands) {
      CommandLineRun run = CommandLineRun.of(args);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(args[0])
          .isEqualTo("sitepulse: " + file + " is a file, so --data " + inside + " cannot be a folder in it\n");
    }
  }

  @Test
  void versionAfterACommandNamePrintsTheVersionToo() {
    CommandLineRun before = CommandLineRun.of("-V");
    CommandLineRun after = CommandLineRun.of("ping", "-V");

    assertThat(after.exitCode()).isZero();
    assertThat(after.out()).startsWith("sitepulse ").isEqualTo(before.out());
  }

  @Test
  void linksHelpNamesEveryExitCodeThatCliMdGives() {
    String help = CommandLineRun.of("links", "--help").out().replaceAll("\\s+", " ");

    assertThat(help).contains("Exit codes: 0 no broken links, 2 some broken, or a seed that robots.txt disallows,"
        + " or nothing could be checked, or the crawl failed, or its WARC (warc: true) lacks responses, 3 usage or config error (warc: true without --data"
        + " too), 130 stopped by Ctrl-C or SIGTERM (what was found by then"
        + " is reported, and the targets and anchors not checked listed; a stop that came too late to leave any"
        + " exits as the report says).");
  }

  @Test
  void demoHelpNamesTheExitCodeOfAStopThatCliMdGives() {
    String help = CommandLineRun.of("demo", "--help").out().replaceAll("\\s+", " ");

    assertThat(help).contains("3 usage error, 130 stopped by Ctrl-C or SIGTERM.");
  }

  @Test
  void crawlAndLinksHelpEachGiveTheirOwnDataFolderAndTimeoutNotTheOthers() {
    String crawl = CommandLineRun.of("crawl", "--help").out().replaceAll("\\s+", " ");
    String links = CommandLineRun.of("links", "--help").out().replaceAll("\\s+", " ");

    assertThat(crawl).contains("--data=DIR Where crawl.db, index/ and warc/ are kept (default sitepulse-data).")
        .contains("--timeout=DURATION Per fetch, body included (default 30s).")
        .contains("then its other URLs are left for a later run (default 5m).")
        .doesNotContainPattern("(?<!max-)links"); // --max-links-per-page is crawl's too
    assertThat(links).contains("--data=DIR Keep the link check's crawl.db in DIR (default a temporary directory,"
        + " removed afterwards).").contains("--timeout=DURATION Per fetch and per external check (default 10s).")
        .contains("its links are reported with the answer they got (default 30s).")
        .doesNotContain("index/").doesNotContain("for crawl");
  }

  @Test
  void everyCommandsHelpFormatsWithoutAPicocliWarning() {
    for (String name : SitepulseCommand.COMMANDS.keySet()) {
      CommandLineRun run = CommandLineRun.of(name, "--help");

      assertThat(run.exitCode()).as(name).isZero();
      assertThat(run.err()).as(name).isEmpty();
    }
  }

  @Test
  void noHelpWrapsAFileNameOrADottedWordAfterItsDot() {
    for (String help : everyHelp()) {
      String[] lines = help.split("\\R");
      for (int i = 0; i + 1 < lines.length; i++) {
        // picocli may break a line after any dot: crawl.db would read "crawl." then "db.".
        // A row of its own (a command, an option) may start with a lower-case name; text going on may not.
        boolean row = lines[i + 1].matches(" {2}\\S.*| {6}--.*");
        boolean split = lines[i].matches(".*[a-z]\\.") && !row && lines[i + 1].trim().matches("[a-z].*");
        assertThat(split).as("%s%n%s", lines[i], lines[i + 1]).isFalse();
      }
    }
  }

  @Test
  void everyHelpsExitCodesAreOneParagraphFilledToTheWidth() {
    java.util.List<String> without = new java.util.ArrayList<>();
    for (String help : everyHelp()) {
      if (!help.contains("Exit codes:")) {
        without.add(help.split("\\s+")[2]); // Usage: sitepulse demo [-hvV]
        continue;
      }
      String[] lines = help.substring(help.lastIndexOf('\n', help.indexOf("Exit codes:")) + 1).split("\\R\\R", 2)[0].split("\\R");
      for (int i = 0; i + 1 < lines.length; i++) {
        assertThat(lines[i].length()).as("a short line in%n%s", String.join("\n", lines)).isGreaterThan(60);
      }
    }
    // The root's help says each command's --help has the details: demo's and generate-completion's too.
    assertThat(without).as("commands whose help names no exit codes").isEmpty();
  }

  /** At picocli's default width of 80, which the wording is made for, whatever a run sets. */
  private static java.util.List<String> everyHelp() {
    String width = System.getProperty("picocli.usage.width");
    System.setProperty("picocli.usage.width", "80");
    try {
      java.util.List<String> helps = new java.util.ArrayList<>();
      helps.add(CommandLineRun.of("--help").out());
      for (String name : SitepulseCommand.COMMANDS.keySet()) {
        helps.add(CommandLineRun.of(name, "--help").out());
      }
      return helps;
    } finally {
      if (width == null) {
        System.clearProperty("picocli.usage.width");
      } else {
        System.setProperty("picocli.usage.width", width);
      }
    }
  }
}
