package dev.sitepulse.pinger;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with readable names, for every pool sitepulse starts: nothing may keep a JVM
 * alive that a command has finished with, and a thread dump should say whose each thread is.
 */
public final class Threads {
  private Threads() {}

  /** Threads named {@code prefix-1}, {@code prefix-2}, … */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> named(r, prefix + "-" + n.incrementAndGet());
  }

  /** Threads all named {@code name}, for a single-thread executor. */
  public static ThreadFactory daemonNamed(String name) {
    return r -> named(r, name);
  }

  private static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
