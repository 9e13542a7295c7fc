package dev.sitepulse.analytics.internal.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a private fork/join pool, splitting the range of task numbers in halves.
 * A private pool, rather than the common one, so that a 2-core machine gets 2 workers (the common
 * pool has cores - 1) and analytics never compete with whatever else uses the common pool.
 */
public final class ForkJoinRunner implements AutoCloseable {

  private final ForkJoinPool pool;

  public ForkJoinRunner(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    this.pool = new ForkJoinPool(parallelism);
  }

  public int parallelism() {
    return pool.getParallelism();
  }

  /** Runs {@code body.accept(t)} for every t in 0..tasks-1 and returns when all are done. */
  public void forEach(int tasks, IntConsumer body) {
    if (tasks == 1) {
      body.accept(0);
    } else if (tasks > 1) {
      pool.invoke(new Split(0, tasks, body));
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  private static final class Split extends RecursiveAction {
    private final int lo;
    private final int hi;
    private final IntConsumer body;

    Split(int lo, int hi, IntConsumer body) {
      this.lo = lo;
      this.hi = hi;
      this.body = body;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        body.accept(lo);
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new Split(lo, mid, body), new Split(mid, hi, body));
    }
  }
}
