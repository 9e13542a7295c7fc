package dev.sitepulse.cli.ping;

/**
 * Whether a {@code ping} command line asks for {@code --format nagios}, read from its words: a
 * usage error can stop picocli before it reaches the option ({@code --timeout 10x --format
 * nagios}), and that error must still reach Nagios, which shows a plugin's stdout only.
 */
public final class NagiosFormat {

  private NagiosFormat() {}

  /** The last {@code --format} given before any {@code --} is nagios, in any case. */
  public static boolean asked(String[] args) {
    String format = null;
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--format") && i + 1 < args.length) {
        format = args[++i];
      } else if (args[i].startsWith("--format=")) {
        format = args[i].substring("--format=".length());
      }
    }
    return "nagios".equalsIgnoreCase(format);
  }
}
