package dev.sitepulse.cli;

import dev.sitepulse.pinger.Threads;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
    long launcherPid = Long.parseLong(pid);
    // A shell that put a process between them would leave the launcher no parent of this one:
    // then only its pid tells (ProcessHandle.isAlive compares start times, so no reused pid).
    boolean child = isParent(launcherPid);
    Optional<ProcessHandle> launcher = child ? Optional.empty() : ProcessHandle.of(launcherPid);
    BooleanSupplier running = child ? () -> isParent(launcherPid) : () -> launcher.isPresent() && launcher.get().isAlive();
    Executors.newSingleThreadScheduledExecutor(Threads.daemonNamed("sitepulse-launcher-watch"))
        .scheduleWithFixedDelay(() -> {
          if (!running.getAsBoolean()) {
            System.err.println("sitepulse: stopped: the launcher (pid " + pid + ") that ran it is gone");
            Runtime.getRuntime().halt(KILLED);
          }
        }, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the launcher is still this process's parent. A killed launcher that its own parent has
   * not reaped yet is a zombie, which ProcessHandle.isAlive takes for alive; but the kernel gives
   * its children a new parent at once.
   */
  private static boolean isParent(long launcherPid) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return parent.isPresent() && parent.get().pid() == launcherPid;
  }
}
