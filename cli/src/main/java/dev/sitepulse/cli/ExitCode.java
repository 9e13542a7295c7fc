package dev.sitepulse.cli;

/** Exit codes, following the Nagios plugin convention so sitepulse drops into existing monitoring. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int WARNING = 1;
  public static final int CRITICAL = 2;
  /** A usage or config error: nothing was checked. */
  public static final int USAGE = 3;
  /**
   * Nagios' UNKNOWN, the same 3: for {@code ping}, a monitoring plugin, an internal failure says
   * nothing of the sites; 2 would page someone for a site that may well be up.
   */
  public static final int UNKNOWN = 3;
  /** Stopped by SIGINT or SIGTERM, as a shell reports a command ended by Ctrl-C (128 + 2). */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}

  /**
   * The code of an unexpected internal failure (an exception no command handles, running out of
   * memory): UNKNOWN for {@code ping}, CRITICAL for the rest.
   *
   * @param command the subcommand's name, null when none was named
   */
  public static int internalFailure(String command) {
    return "ping".equals(command) ? UNKNOWN : CRITICAL;
  }
}
