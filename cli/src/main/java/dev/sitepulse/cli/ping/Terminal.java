package dev.sitepulse.cli.ping;

import java.io.PrintStream;

/** Whether output goes to a person: colours only then, and never when NO_COLOR is set. */
final class Terminal {
  private Terminal() {}

  static boolean colors(PrintStream out) {
    return out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
