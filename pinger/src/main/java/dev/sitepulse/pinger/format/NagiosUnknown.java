package dev.sitepulse.pinger.format;

/**
 * The one line a Nagios plugin prints when it cannot say how the sites are: a usage or config
 * error, or an internal failure. Nagios shows a plugin's stdout only, so without it the error on
 * stderr reads as "(No output returned from plugin)".
 */
public final class NagiosUnknown {

  private NagiosUnknown() {}

  /** {@code SITEPULSE UNKNOWN - why}, kept to one line that starts no perfdata. */
  public static String line(String why) {
    return NagiosWriter.statusLine("UNKNOWN", why);
  }
}
