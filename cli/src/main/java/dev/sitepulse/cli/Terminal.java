package dev.sitepulse.cli;

import java.io.PrintStream;

/** Whether output goes to a person: colours only then, and never when NO_COLOR is set. */
public final class Terminal {
  private Terminal() {}

  public static boolean colors(PrintStream out) {
    return out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
