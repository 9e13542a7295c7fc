package dev.sitepulse.analytics.internal.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import dev.sitepulse.analytics.DeviceFailedException;
import dev.sitepulse.analytics.DeviceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programs of one context: each {@code .cl} resource is built with its options on first use
 * and kept, with the kernels made from it, until the context goes.
 */
final class ClPrograms {

  private static final Logger LOG = LoggerFactory.getLogger(ClPrograms.class);
  private static final String KERNELS = "/dev/sitepulse/analytics/kernels/";

  private final cl_context context;
  private final ClDevice device;
  private final Map<String, cl_program> programs = new HashMap<>();
  private final Map<String, cl_kernel> kernels = new HashMap<>();

  ClPrograms(cl_context context, ClDevice device) {
    this.context = context;
    this.device = device;
  }

  /** The kernel, and the nanoseconds spent building its program now (0 if it was built). */
  cl_kernel kernel(String resource, String options, String name, long[] buildNanos) {
    String programKey = resource + ' ' + options;
    cl_program program = programs.get(programKey);
    if (program == null) {
      long start = System.nanoTime();
      program = build(resource, options);
      programs.put(programKey, program);
      buildNanos[0] += System.nanoTime() - start;
    }
    cl_program built = program;
    return kernels.computeIfAbsent(programKey + '#' + name, k -> CL.clCreateKernel(built, name, null));
  }

  private cl_program build(String resource, String options) {
    cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source(resource)},
        null, null);
    try {
      CL.clBuildProgram(program, 0, null, options, null, null);
    } catch (CLException e) {
      throw buildFailed(device.info(), resource, e, () -> buildLog(program), () -> CL.clReleaseProgram(program));
    }
    return program;
  }

  /**
   * The error of a program that did not build, the build error its cause: the program is released
   * whatever happens, and a device lost meanwhile, which can give neither its log nor the release,
   * has those failures kept beside the build error rather than in its place.
   */
  static DeviceFailedException buildFailed(DeviceInfo device, String resource, CLException buildError,
      Supplier<String> buildLog, Runnable release) {
    String what = "OpenCL program " + resource + " did not build";
    try {
      String log = buildLog.get();
      LOG.debug("build log of {} on {}:\n{}", resource, device.name(), log);
      what += ": " + firstError(log);
    } catch (CLException e) {
      buildError.addSuppressed(e);
      what += ", and its build log could not be read: " + e.getMessage();
    } finally {
      try {
        release.run();
      } catch (CLException e) {
        buildError.addSuppressed(e);
      }
    }
    return new DeviceFailedException(device, what, buildError);
  }

  /** The log's first line that names an error (compilers list warnings too), else its first line. */
  static String firstError(String log) {
    String[] lines = log.strip().split("\\R");
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).contains("error")) {
        return line.strip() + more(lines.length - 1);
      }
    }
    return lines[0].isEmpty() ? "no build log" : lines[0].strip() + more(lines.length - 1);
  }

  private static String more(int lines) {
    return lines == 0 ? "" : " (" + lines + (lines == 1 ? " more line" : " more lines") + " of build log with -v)";
  }

  private String buildLog(cl_program program) {
    long[] size = new long[1];
    CL.clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
    byte[] log = new byte[(int) size[0]];
    CL.clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, log.length,
        Pointer.to(log), null);
    return new String(log, StandardCharsets.UTF_8).trim();
  }

  private static String source(String resource) {
    try (InputStream in = ClPrograms.class.getResourceAsStream(KERNELS + resource)) {
      if (in == null) {
        throw new IllegalStateException("kernel resource " + KERNELS + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kernel resource " + resource, e);
    }
  }

  void release(Releases releases) {
    releases.each(kernels.values(), CL::clReleaseKernel);
    releases.each(programs.values(), CL::clReleaseProgram);
    kernels.clear();
    programs.clear();
  }
}
