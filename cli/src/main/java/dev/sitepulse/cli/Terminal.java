package dev.sitepulse.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Whether output goes to a person: colours only then, and never when NO_COLOR is set or the
 * terminal says it has none (TERM=dumb: Emacs shells, some CI consoles).
 */
public final class Terminal {
  private Terminal() {}

  public static boolean colors(PrintStream out) {
    return out == System.out && colors(System.console() != null, System.getenv());
  }

  static boolean colors(boolean console, Map<String, String> env) {
    // no-color.org: NO_COLOR counts when set to anything but the empty string.
    String noColor = env.get("NO_COLOR");
    return console && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
