package dev.sitepulse.cli;

import dev.sitepulse.cli.ping.NagiosFormat;
import dev.sitepulse.cli.search.QueryArguments;
import dev.sitepulse.pinger.IoErrors;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.config.NearestName;
import dev.sitepulse.pinger.format.NagiosUnknown;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {

  /**
   * Commands that open crawl.db or history.db. Only they set up SQLite's library: sqlite-jdbc's
   * classes start logging, some 30 ms that search and ping do not otherwise spend.
   */
  private static final Set<String> OPEN_SQLITE = Set.of("crawl", "links", "analyze", "demo", "watch", "report");

  private Main() {}

  public static void main(String[] args) {
    CheckedOutput stdout = new CheckedOutput(new FileOutputStream(FileDescriptor.out));
    System.setOut(utf8(stdout));
    System.setErr(utf8(new FileOutputStream(FileDescriptor.err)));
    LauncherWatch.start();
    ExitCodeFile.prepare();
    LoggingSetup.quietLibraries();
    String command = commandName(args);
    if (command != null && OPEN_SQLITE.contains(command)) { // Set.of refuses to look up null
      SqliteLibraryCache.install();
    }
    int code = runOrFail(args, command);
    System.out.flush();
    IOException lost = stdout.lost();
    if (lost != null && code != ExitCode.INTERRUPTED) {
      System.err.println("sitepulse: cannot write the output: " + IoErrors.why(lost));
      code = ExitCode.USAGE; // as for -o FILE; a monitor reads 3 as UNKNOWN, the truth of it
    }
    // Exit at once: checks run on daemon threads, and a hung socket must not hold the JVM.
    ExitCodeFile.write(code);
    System.exit(code);
  }

  /**
   * An Error that no command catches (out of memory, a class gone from a jar replaced under a
   * running watch) is an internal failure like an exception: one line and exit 2 (3 for ping, see
   * {@link ExitCode#internalFailure}). Left to the JVM it printed a stack trace and exit 1, which
   * Nagios reads as DEGRADED, and the watch's Vert.x threads then kept the process alive for ever.
   */
  private static int runOrFail(String[] args, String command) {
    try {
      return run(args);
    } catch (Error e) {
      System.err.println("sitepulse: " + e);
      if (asksForNagios(args, command)) {
        System.out.println(NagiosUnknown.line(e.toString()));
      }
      LoggerFactory.getLogger(Main.class).debug("failed", e);
      return ExitCode.internalFailure(command);
    }
  }

  /**
   * Output is UTF-8 whatever the locale. Java prints in the locale's charset, and under LANG=C
   * (cron, most containers) that is ASCII: a target named Café came out as Caf? in tables, CSV and
   * Prometheus text. Buffered and flushed as the JVM's own System.out is.
   */
  private static PrintStream utf8(OutputStream out) {
    return new PrintStream(new BufferedOutputStream(out, 128), true, StandardCharsets.UTF_8);
  }

  /** Runs a command line and returns its exit code; tests call this in-process. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new SitepulseCommand());
    String named = commandName(args);
    boolean nagios = asksForNagios(args, named);
    SitepulseCommand.COMMANDS.forEach((name, command) -> {
      if (named == null || named.equals(name)) {
        cli.addSubcommand(name, command.get());
      }
    });
    Converters.register(cli); // after the subcommands: picocli copies converters and enum case to those it has
    // A query word may start with '-' (asyncio -deprecated, -host:example.org), as cli.md shows.
    CommandLine search = "search".equals(named) ? cli.getSubcommands().get("search") : null;
    int command = Arrays.asList(args).indexOf("search");
    // An unknown option that is a query word: said instead of picocli's error about it
    QueryArguments.UnknownOption unknownOption = search == null ? null
        : QueryArguments.unknownOption(args, command, search.getCommandSpec()).orElse(null);
    if (search != null) {
      args = QueryArguments.wordsLast(args, command, search.getCommandSpec());
    }
    // picocli marks generate-completion a help command, and a help command's stray arguments are
    // ignored: generate-completion --bogus printed the script and exited 0. Refused as elsewhere.
    CommandLine completion = cli.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().helpCommand(false);
      // picocli's own words ("Generate bash/zsh completion script...") read unlike every other command's.
      completion.getCommandSpec().usageMessage().description(
          "Prints a bash completion script, which works in zsh too.",
          "Load it into the current shell with:", "", "  source <(sitepulse generate-completion)", "");
      completion.getCommandSpec().usageMessage().footer("", "Exit codes: 0 the script printed, 3 usage error.");
    }
    // -V after a command name prints the same as before it, not nothing.
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
    // Help, usage and config errors in UTF-8 too: picocli would pick the locale's charset.
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cli.setExecutionStrategy(Main::executeWithLogging);
    cli.setParameterExceptionHandler((e, given) -> usageError(e,
        unknownOption != null && unknownOption.explains(e) ? unknownOption.message() : null, nagios));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> executionError(e, cmd, nagios));
    return cli.execute(args);
  }

  /**
   * {@code ping --format nagios}: its errors, all exit 3, go to stdout too as Nagios' UNKNOWN
   * status line. Nagios shows a plugin's stdout only: "(No output returned from plugin)".
   */
  private static boolean asksForNagios(String[] args, String command) {
    return "ping".equals(command) && NagiosFormat.asked(args);
  }

  /** The error on stderr, as every command says it; for nagios, its status line on stdout too. */
  private static void sayError(CommandLine cmd, String message, boolean nagios) {
    cmd.getErr().println("sitepulse: " + message);
    if (nagios) {
      cmd.getOut().println(NagiosUnknown.line(message));
    }
  }

  /**
   * The subcommand the arguments name, if it is the only one needed: help without one, an
   * unknown name (whose error suggests the known ones) and completion scripts need them all.
   */
  private static String commandName(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        boolean known = SitepulseCommand.COMMANDS.containsKey(arg);
        return known && !arg.equals("generate-completion") ? arg : null;
      }
    }
    return null;
  }

  private static int executeWithLogging(CommandLine.ParseResult parsed) {
    SitepulseCommand top = parsed.commandSpec().commandLine().getCommand();
    if (top.verbose) {
      LoggingSetup.verbose();
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /**
   * One line naming what was wrong, then where to read more; exit 3 as Nagios plugins do. The
   * command line's own {@code message}, if not null, says what was wrong instead of picocli's.
   */
  private static int usageError(CommandLine.ParameterException e, String message, boolean nagios) {
    CommandLine cmd = e.getCommandLine();
    String unknown = unknownCommand(e);
    sayError(cmd, message != null ? message
        : unknown != null ? unknownCommandMessage(unknown) : e.getMessage() + nearestOption(e), nagios);
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  /** The word in the place of a command that names none ({@code sitepulse serch x}), or null. */
  private static String unknownCommand(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
        && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return unmatched.getUnmatched().get(0);
    }
    return null;
  }

  /** picocli's own suggestions are printed by the handler this one replaces. */
  private static String nearestOption(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    return OptionHint.nearest(unmatched.getUnmatched().get(0), e.getCommandLine().getCommandSpec());
  }

  private static String unknownCommandMessage(String name) {
    String nearest = NearestName.of(name, SitepulseCommand.COMMANDS.keySet());
    return "unknown command '" + name + "'" + (nearest != null ? " (did you mean " + nearest + "?)"
        : "; the commands are " + String.join(", ", SitepulseCommand.COMMANDS.keySet()));
  }

  /** @param nagios only ping asks for it, and ping throws no UnreadableException */
  private static int executionError(Exception e, CommandLine cmd, boolean nagios) {
    if (e instanceof ConfigException || e instanceof UsageException) {
      sayError(cmd, e.getMessage(), nagios);
      return ExitCode.USAGE;
    }
    if (e instanceof UnreadableException) {
      cmd.getErr().println("sitepulse: " + e.getMessage());
      return ExitCode.CRITICAL;
    }
    sayError(cmd, e.toString(), nagios);
    LoggerFactory.getLogger(Main.class).debug("failed", e);
    return ExitCode.internalFailure(cmd.getCommandName());
  }
}
