package dev.sitepulse.analytics.internal.timing;

import dev.sitepulse.analytics.Timings;

/** Adds up the phases of one analytics step and closes them into {@link Timings}. */
public final class StepClock {

  private final String device;
  private final long start = System.nanoTime();
  private long build;
  private long transfer;
  private long kernel;

  public StepClock(String device) {
    this.device = device;
  }

  public void addBuild(long nanos) {
    build += nanos;
  }

  public void addTransfer(long nanos) {
    transfer += nanos;
  }

  public void addKernel(long nanos) {
    kernel += nanos;
  }

  /** Timings with the phases added so far and the wall time since this clock was made. */
  public Timings finish() {
    return new Timings(device, build, transfer, kernel, System.nanoTime() - start);
  }

  /** Timings for work done on the Java threads: all of the wall time counts as compute. */
  public Timings finishOnHost() {
    long total = System.nanoTime() - start;
    return new Timings(device, 0, 0, total, total);
  }
}
