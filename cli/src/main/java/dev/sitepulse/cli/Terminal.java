package dev.sitepulse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether output goes to a person: colours only then, and never when NO_COLOR is set or the
 * terminal says it has none (TERM=dumb: Emacs shells, some CI consoles).
 */
public final class Terminal {

  /** File descriptors, as /proc names them. */
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private Terminal() {}

  public static boolean colors(PrintStream out) {
    return out == System.out && colors(isTerminal(STDOUT), System.getenv());
  }

  static boolean colors(boolean terminal, Map<String, String> env) {
    // no-color.org: NO_COLOR counts when set to anything but the empty string.
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Whether the file descriptor is a terminal. {@code System.console()} answers for stdin and
   * stdout together: {@code crawl URL 2>crawl.log} at a terminal drew the progress bar into the
   * log, a redraw a second, and {@code crawl URL > out.txt} drew none where it could. Linux names
   * each descriptor's file in /proc; elsewhere System.console() is the best guess left.
   */
  public static boolean isTerminal(int fd) {
    try {
      return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  static boolean isTerminalDevice(String file) {
    return file.startsWith("/dev/pts/") || file.startsWith("/dev/tty") || file.equals("/dev/console");
  }
}
