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
 * devices) or one per work-group (GPUs, counted in local memory when {@value HistogramLayout#LENGTH}
 * 16-bit counters fit, else in global memory), then a merge kernel adds the slices up on the
 * device, so only the final counters come back.
 */
public final class ClLatency {

  /** How the per-slice histograms are built; chosen per device by {@link #variantFor}. */
  public enum Variant { OWNED, LOCAL, GLOBAL }

  private static final int GROUP_SIZE = 256;
  /**
   * hist_local's 44 KiB fill most of a compute unit's local memory, so one group runs per compute
   * unit at a time: it gets as many work-items as the device allows, up to this, to keep it busy.
   */
  private static final int LOCAL_GROUP_SIZE = 1024;
  private static final long COUNTER_BYTES = 4L * HistogramLayout.LENGTH;
  /** hist_local's counters: 16 bits each, two to a 32-bit word. */
  public static final long LOCAL_COUNTER_BYTES = 2L * HistogramLayout.LENGTH;

  private ClLatency() {}

  public static Variant variantFor(ClDevice device) {
    if (device.info().kind() == DeviceInfo.Kind.OPENCL_CPU) {
      return Variant.OWNED;
    }
    return device.info().localMemory() >= LOCAL_COUNTER_BYTES
        ? Variant.LOCAL : Variant.GLOBAL;
  }

  public static LatencyStats run(ClSession session, float[] values, int from, int to,
      Variant variant) {
    StepClock clock = new StepClock(session.device().info().id());
    int length = to - from;
    if (length == 0) {
      return Summary.of(new long[HistogramLayout.LENGTH], clock::finish);
    }
    int slices = slices(session.device(), length);
    String name = switch (variant) {
      case OWNED -> "hist_owned";
      case LOCAL -> "hist_local";
      case GLOBAL -> "hist_global";
    };
    cl_kernel kernel = session.kernel("histogram.cl", "", name, clock);
    cl_kernel merge = session.kernel("histogram.cl", "", "hist_merge", clock);
    int local = switch (variant) {
      case OWNED -> 1;
      case LOCAL -> session.groupSize(kernel, LOCAL_GROUP_SIZE);
      case GLOBAL -> session.groupSize(kernel, GROUP_SIZE);
    };

    cl_mem input = session.buffer("latency.values", 4L * length);
    int perItem = (int) ((length + (long) slices - 1) / slices); // values per work-item or group
    // Slices per work-item, filled in turn (see hist_owned); one for the atomic variants.
    int copies = variant == Variant.OWNED && perItem >= HistogramLayout.FOUR_SETS_FROM ? 4 : 1;
    cl_mem partial = session.buffer("latency.partial", COUNTER_BYTES * slices * copies);
    cl_mem counts = session.buffer("latency.counts", 8L * HistogramLayout.LENGTH);
    session.write(input, Pointer.to(values).withByteOffset(4L * from), 4L * length, clock);
    session.zero(partial, COUNTER_BYTES * slices * copies);
    switch (variant) {
      case OWNED -> ClArgs.set(kernel, input, length, perItem, copies, partial);
      case LOCAL -> ClArgs.set(kernel, input, length, perItem, partial,
          new ClArgs.Local(LOCAL_COUNTER_BYTES));
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

  /** How many slices (work-items or work-groups) share {@code length} values on {@code device}. */
  public static int slices(ClDevice device, int length) {
    return Math.max(1, Math.min(device.info().computeUnits() * 4, (length + 4095) / 4096));
  }
}
