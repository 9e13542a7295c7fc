package dev.sitepulse.crawler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * A writer's thread that keeps the tasks handed to it until released, then passes them and the rest
 * on: a writer that falls behind, as gzip or a slow disk would make it.
 */
final class HeldTasks {
  /** Counts down once per task held. */
  final CountDownLatch held;
  private final List<Runnable> tasks = new ArrayList<>();
  private Executor thread;
  private boolean released;

  HeldTasks(int toCount) {
    held = new CountDownLatch(toCount);
  }

  Executor wrapping(Executor writerThread) {
    thread = writerThread;
    return task -> {
      synchronized (this) {
        if (!released) {
          tasks.add(task);
          held.countDown();
          return;
        }
      }
      thread.execute(task);
    };
  }

  synchronized int count() {
    return tasks.size();
  }

  synchronized void release() {
    released = true;
    tasks.forEach(thread::execute);
    tasks.clear();
  }
}
