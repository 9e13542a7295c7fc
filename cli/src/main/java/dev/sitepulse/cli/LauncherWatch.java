package dev.sitepulse.cli;

import dev.sitepulse.pinger.Threads;
import java.util.Optional;

/**
 * Ends the program once bin/sitepulse, which runs it as a child while it records a class-data
 * archive, is gone. The launcher passes TERM and INT on, but a {@code kill -9} of its pid (a
 * supervisor's last resort, {@code timeout -s KILL}) cannot be passed on, and left the program
 * running, orphaned, where nothing would signal it. The launcher names its pid in
 * {@value #PID_PROPERTY} on that run only; java run any other way, or exec'd by the launcher,
 * watches nothing.
 */
final class LauncherWatch {

  static final String PID_PROPERTY = "sitepulse.launcher.pid";
  /** How soon the program follows its launcher: a check is a read of /proc, nothing more. */
  private static final long EVERY_MS = 200;
  /** As a kill -9 of the program itself would end it. */
  private static final int KILLED = 128 + 9;

  private LauncherWatch() {}

  /** Starts watching the launcher that {@value #PID_PROPERTY} names, if any. */
  static void start() {
    String pid = System.getProperty(PID_PROPERTY);
    if (pid == null) {
      return;
    }
    // ProcessHandle.isAlive compares start times too, so a pid the system reuses is no launcher.
    Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(pid));
    Threads.daemonNamed("sitepulse-launcher-watch").newThread(() -> {
      try {
        while (launcher.isPresent() && launcher.get().isAlive()) {
          Thread.sleep(EVERY_MS);
        }
      } catch (InterruptedException e) {
        return;
      }
      System.err.println("sitepulse: stopped: the launcher (pid " + pid + ") that ran it is gone");
      Runtime.getRuntime().halt(KILLED);
    }).start();
  }
}
