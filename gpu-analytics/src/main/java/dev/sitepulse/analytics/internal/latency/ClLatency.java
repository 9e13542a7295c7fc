package dev.sitepulse.analytics.internal.latency;

import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.analytics.LatencyStats;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Latency statistics with {@code histogram.cl}: one or four histogram slices per work-item (CPU
 * devices) or one per work-group (GPUs, in local memory when {@value HistogramLayout#LENGTH}
 * counters fit, else in global memory), then a merge kernel adds the slices up on the device, so
 * only the final counters come back.
 */
public final class ClLatency {

  /** How the per-slice histograms are built; chosen per device by {@link #variantFor}. */
  public enum Variant { OWNED, LOCAL, GLOBAL }

  private static final int GROUP_SIZE = 256;
  private static final long COUNTER_BYTES = 4L * HistogramLayout.LENGTH;

  private ClLatency() {}

  public static Variant variantFor(ClDevice device) {
    if (device.info().kind() == DeviceInfo.Kind.OPENCL_CPU) {
      return Variant.OWNED;
    }
    return device.info().localMemory() >= COUNTER_BYTES
        ? Variant.LOCAL : Variant.GLOBAL;
  }

  public static LatencyStats run(ClSession session, float[] values, int from, int to,
      Variant variant) {
    StepClock clock = new StepClock(session.device().info().id());
    int length = to - from;
    if (length == 0) {
      return Summary.of(new long[HistogramLayout.LENGTH], clock::finish);
    }
    ClDevice device = session.device();
    int slices = Math.max(1, Math.min(device.info().computeUnits() * 4, (length + 4095) / 4096));
    String name = switch (variant) {
      case OWNED -> "hist_owned";
      case LOCAL -> "hist_local";
      case GLOBAL -> "hist_global";
    };
    cl_kernel kernel = session.kernel("histogram.cl", "", name, clock);
    cl_kernel merge = session.kernel("histogram.cl", "", "hist_merge", clock);
    int local = variant == Variant.OWNED ? 1 : session.groupSize(kernel, GROUP_SIZE);

    cl_mem input = session.buffer("latency.values", 4L * length);
    int perItem = (length + slices - 1) / slices;
    // Slices per work-item, filled in turn (see hist_owned); one for the atomic variants.
    int copies = variant == Variant.OWNED && perItem >= HistogramLayout.FOUR_SETS_FROM ? 4 : 1;
    cl_mem partial = session.buffer("latency.partial", COUNTER_BYTES * slices * copies);
    cl_mem counts = session.buffer("latency.counts", 8L * HistogramLayout.LENGTH);
    session.write(input, Pointer.to(values).withByteOffset(4L * from), 4L * length, clock);
    if (variant != Variant.LOCAL) {
      session.zero(partial, COUNTER_BYTES * slices * copies);
    }
    switch (variant) {
      case OWNED -> ClArgs.set(kernel, input, length, perItem, copies, partial);
      case LOCAL -> ClArgs.set(kernel, input, length, partial,
          new ClArgs.Local(COUNTER_BYTES));
      case GLOBAL -> ClArgs.set(kernel, input, length, partial);
    }
    session.run(kernel, (long) slices * local, local);
    ClArgs.set(merge, partial, slices * copies, counts);
    int mergeLocal = session.groupSize(merge, 64);
    session.run(merge, (HistogramLayout.LENGTH + mergeLocal - 1) / mergeLocal * (long) mergeLocal,
        mergeLocal);

    long[] counters = new long[HistogramLayout.LENGTH];
    session.read(counts, Pointer.to(counters), 8L * counters.length, clock);
    return Summary.of(counters, clock::finish);
  }
}
