package dev.sitepulse.cli;

/** Exit codes, following the Nagios plugin convention so sitepulse drops into existing monitoring. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int WARNING = 1;
  public static final int CRITICAL = 2;
  /** A usage or config error: nothing was checked. */
  public static final int USAGE = 3;
  /** Stopped by SIGINT or SIGTERM, as a shell reports a command ended by Ctrl-C (128 + 2). */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
