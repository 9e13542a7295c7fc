package dev.sitepulse.analytics.internal.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/** Sets a kernel's arguments in order from a short list of Java values. */
public final class ClArgs {

  /** A kernel argument in local memory of this many bytes. */
  public record Local(long bytes) {}

  private ClArgs() {}

  /** Each argument is a cl_mem, Integer, Long, Double, Float or {@link Local}. */
  public static void set(cl_kernel kernel, Object... args) {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof cl_mem mem) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(mem));
      } else if (arg instanceof Integer v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
      } else if (arg instanceof Long v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
      } else if (arg instanceof Double v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_double, Pointer.to(new double[] {v}));
      } else if (arg instanceof Float v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {v}));
      } else if (arg instanceof Local local) {
        CL.clSetKernelArg(kernel, i, local.bytes(), null);
      } else {
        throw new IllegalArgumentException("kernel argument " + i + " has unsupported type "
            + (arg == null ? "null" : arg.getClass().getName()));
      }
    }
  }
}
