package dev.sitepulse.analytics.internal.opencl;

import java.util.Collection;
import java.util.function.Consumer;
import org.jocl.CLException;

/**
 * Runs every release of a closing session even when one fails, so that a lost device still gives
 * back the buffers, queue and context after the one that failed; the first failure is thrown once
 * all were tried, the others kept as suppressed.
 */
final class Releases {

  private CLException first;

  void run(Runnable release) {
    try {
      release.run();
    } catch (CLException e) {
      if (first == null) {
        first = e;
      } else {
        first.addSuppressed(e);
      }
    }
  }

  <T> void each(Collection<T> items, Consumer<T> release) {
    items.forEach(item -> run(() -> release.accept(item)));
  }

  void throwFirst() {
    if (first != null) {
      throw first;
    }
  }
}
