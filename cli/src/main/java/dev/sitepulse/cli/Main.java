package dev.sitepulse.cli;

import dev.sitepulse.pinger.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Exit at once: checks run on daemon threads, and a hung socket must not hold the JVM.
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; tests call this in-process. */
  public static int run(String... args) {
    CommandLine cli = Converters.register(new CommandLine(new SitepulseCommand()));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(Main::executeWithLogging);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(Main::executionError);
    return cli.execute(args);
  }

  private static int executeWithLogging(CommandLine.ParseResult parsed) {
    SitepulseCommand top = parsed.commandSpec().commandLine().getCommand();
    if (top.verbose) {
      LoggingSetup.verbose();
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** One line naming what was wrong, then where to read more; exit 3 as Nagios plugins do. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("sitepulse: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof ConfigException || e instanceof UsageException) {
      err.println("sitepulse: " + e.getMessage());
      return ExitCode.USAGE;
    }
    err.println("sitepulse: " + e);
    LoggerFactory.getLogger(Main.class).debug("failed", e);
    return ExitCode.CRITICAL;
  }
}
