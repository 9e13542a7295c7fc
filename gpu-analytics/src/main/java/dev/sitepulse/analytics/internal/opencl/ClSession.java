package dev.sitepulse.analytics.internal.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_TRUE;

import dev.sitepulse.analytics.BufferTooLargeException;
import dev.sitepulse.analytics.internal.timing.StepClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * One context and one in-order, profiling command queue on one device, with what is worth keeping
 * between calls: programs and kernels ({@link ClPrograms}) and named buffers that are only
 * reallocated when a call needs more room. Every command gets an event; its device-side duration
 * is added to the step's transfer or kernel time once the queue has passed it.
 */
public final class ClSession implements AutoCloseable {

  private final ClDevice device;
  private final cl_context context;
  private final cl_command_queue queue;
  private final ClPrograms programs;
  private final Map<String, Sized> buffers = new HashMap<>();
  private final List<cl_event> kernelEvents = new ArrayList<>();
  private final List<cl_event> transferEvents = new ArrayList<>();

  private record Sized(cl_mem mem, long bytes) {}

  private ClSession(ClDevice device, cl_context context, cl_command_queue queue) {
    this.device = device;
    this.context = context;
    this.queue = queue;
    this.programs = new ClPrograms(context, device);
  }

  @SuppressWarnings("deprecation") // clCreateCommandQueue: the OpenCL 1.2 call, which every ICD has
  public static ClSession open(ClDevice device) {
    cl_context_properties properties = new cl_context_properties();
    properties.addProperty(CL_CONTEXT_PLATFORM, device.platform());
    cl_context context = CL.clCreateContext(properties, 1, new cl_device_id[] {device.device()},
        null, null, null);
    try {
      cl_command_queue queue = CL.clCreateCommandQueue(context, device.device(),
          CL_QUEUE_PROFILING_ENABLE, null);
      return new ClSession(device, context, queue);
    } catch (CLException e) {
      CL.clReleaseContext(context);
      throw e;
    }
  }

  public ClDevice device() {
    return device;
  }

  /** A kernel from a {@code .cl} resource; a first-time program build counts as build time. */
  public cl_kernel kernel(String resource, String options, String name, StepClock clock) {
    long[] build = new long[1];
    cl_kernel kernel = programs.kernel(resource, options, name, build);
    clock.addBuild(build[0]);
    return kernel;
  }

  /**
   * A device buffer of at least {@code bytes}, kept under {@code role} for the next call.
   *
   * @throws BufferTooLargeException before this buffer is allocated, when it is larger than the
   *     device allows one to be, or than its memory holds beside this session's other buffers
   *     (drivers fail such a buffer at clCreateBuffer or only at first use, after the copies); the
   *     session's buffers are released first, as the call goes elsewhere
   */
  public cl_mem buffer(String role, long bytes) {
    long size = Math.max(bytes, 8);
    Sized held = buffers.get(role);
    if (held != null && held.bytes() >= size) {
      return held.mem();
    }
    try {
      checkFits(role, size, bufferBytes() - (held == null ? 0 : held.bytes()));
    } catch (BufferTooLargeException e) {
      // The call is refused and runs elsewhere: what it has on the device (a graph already
      // copied, say) must not sit there until the next call on a GPU others share.
      buffers.values().forEach(b -> CL.clReleaseMemObject(b.mem()));
      buffers.clear();
      throw e;
    }
    if (held != null) {
      CL.clReleaseMemObject(held.mem());
      buffers.remove(role);
    }
    cl_mem mem = CL.clCreateBuffer(context, CL_MEM_READ_WRITE, size, null, null);
    buffers.put(role, new Sized(mem, size));
    return mem;
  }

  private void checkFits(String role, long size, long others) {
    if (size > device.maxAllocation()) {
      throw new BufferTooLargeException(device.info(), role, size, "more than the "
          + BufferTooLargeException.describe(device.maxAllocation())
          + " one buffer may take on this device (CL_DEVICE_MAX_MEM_ALLOC_SIZE)");
    }
    long memory = device.info().globalMemory();
    if (size > memory - others) {
      throw new BufferTooLargeException(device.info(), role, size, "more than the "
          + BufferTooLargeException.describe(Math.max(memory - others, 0)) + " left of the device's "
          + BufferTooLargeException.describe(memory) + " (CL_DEVICE_GLOBAL_MEM_SIZE) beside the "
          + BufferTooLargeException.describe(others) + " of its other buffers");
    }
  }

  /**
   * Releases every buffer whose role is not {@code step}'s ({@code "pagerank"} keeps
   * {@code "pagerank.*"}): a step run again reuses its own, while one step's memory goes back
   * before another step of the same backend allocates its own.
   */
  public void keepBuffersOf(String step) {
    String prefix = step + ".";
    var held = buffers.entrySet().iterator();
    while (held.hasNext()) {
      var entry = held.next();
      if (!entry.getKey().startsWith(prefix)) {
        CL.clReleaseMemObject(entry.getValue().mem());
        held.remove();
      }
    }
  }

  /** The bytes of device memory this session's buffers hold. */
  public long bufferBytes() {
    return buffers.values().stream().mapToLong(Sized::bytes).sum();
  }

  /** Copies host memory to the device and waits for it. */
  public void write(cl_mem mem, Pointer from, long bytes, StepClock clock) {
    if (bytes > 0) {
      cl_event event = new cl_event();
      CL.clEnqueueWriteBuffer(queue, mem, CL_TRUE, 0, bytes, from, 0, null, event);
      transferEvents.add(event);
      account(clock);
    }
  }

  /** Waits for the queue to reach this read, copies device memory back, accounts all events. */
  public void read(cl_mem mem, Pointer to, long bytes, StepClock clock) {
    if (bytes > 0) {
      cl_event event = new cl_event();
      CL.clEnqueueReadBuffer(queue, mem, CL_TRUE, 0, bytes, to, 0, null, event);
      transferEvents.add(event);
      account(clock);
    }
  }

  /** Enqueues zeroing {@code bytes} of a buffer (counted as kernel time). */
  public void zero(cl_mem mem, long bytes) {
    cl_event event = new cl_event();
    CL.clEnqueueFillBuffer(queue, mem, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, bytes, 0, null,
        event);
    kernelEvents.add(event);
  }

  /** Enqueues a 1-D kernel over {@code global} work-items in groups of {@code local}. */
  public void run(cl_kernel kernel, long global, long local) {
    cl_event event = new cl_event();
    CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {local}, 0,
        null, event);
    kernelEvents.add(event);
  }

  /**
   * Enqueues a 2-D kernel over x in {@code [x0, x0 + width)} and y in {@code [y0, y0 + height)}
   * (global ids, offset included), in groups of {@code local} by 1; {@code width} is a multiple of
   * {@code local}.
   */
  public void run2d(cl_kernel kernel, long x0, long width, long y0, long height, long local) {
    cl_event event = new cl_event();
    CL.clEnqueueNDRangeKernel(queue, kernel, 2, new long[] {x0, y0}, new long[] {width, height},
        new long[] {local, 1}, 0, null, event);
    kernelEvents.add(event);
  }

  /**
   * The global size for one work-item per item: {@code items} rounded up to a multiple of the
   * work-group size, in long, since an int array's last index plus a group overflows an int.
   *
   * @throws IllegalArgumentException past 2^31-1 items: the kernels number items with 32-bit ints
   *     (as Java arrays do), so more could not be told apart
   */
  public static long globalSize(long items, int local) {
    if (items < 0 || items > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(items + " work-items in one launch: the kernels number"
          + " them with 32-bit ints, at most " + Integer.MAX_VALUE);
    }
    return (items + local - 1) / local * local;
  }

  /**
   * The largest power-of-two work-group size up to {@code wanted} that the device and the kernel
   * allow. A GPU may allow a kernel that needs many registers fewer work-items than its maximum;
   * launching with more fails (CL_INVALID_WORK_GROUP_SIZE).
   */
  public int groupSize(cl_kernel kernel, int wanted) {
    long[] kernelMax = new long[1];
    CL.clGetKernelWorkGroupInfo(kernel, device.device(), CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
        Pointer.to(kernelMax), null);
    long allowed = Math.min(Math.min(device.maxWorkGroupSize(), kernelMax[0] > 0 ? kernelMax[0] : wanted), wanted);
    return Math.max(1, Integer.highestOneBit((int) allowed));
  }

  private void account(StepClock clock) {
    clock.addKernel(drain(kernelEvents));
    clock.addTransfer(drain(transferEvents));
  }

  private static long drain(List<cl_event> events) {
    long total = 0;
    long[] start = new long[1];
    long[] end = new long[1];
    for (cl_event event : events) {
      CL.clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong,
          Pointer.to(start), null);
      CL.clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong,
          Pointer.to(end), null);
      total += end[0] - start[0];
      CL.clReleaseEvent(event);
    }
    events.clear();
    return total;
  }

  @Override
  public void close() {
    // A device that failed (clFinish throws) still gets its memory back: a long-running caller
    // falls back to Java and must not leak a context per failed call.
    Releases releases = new Releases();
    releases.run(() -> CL.clFinish(queue));
    releases.each(kernelEvents, CL::clReleaseEvent); // their times are of no use now
    kernelEvents.clear();
    releases.each(transferEvents, CL::clReleaseEvent);
    transferEvents.clear();
    programs.release(releases);
    releases.each(buffers.values(), b -> CL.clReleaseMemObject(b.mem()));
    buffers.clear();
    releases.run(() -> CL.clReleaseCommandQueue(queue));
    releases.run(() -> CL.clReleaseContext(context));
    releases.throwFirst();
  }
}
