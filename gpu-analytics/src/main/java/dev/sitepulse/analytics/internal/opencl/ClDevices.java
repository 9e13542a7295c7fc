package dev.sitepulse.analytics.internal.opencl;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import dev.sitepulse.analytics.DeviceInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the OpenCL devices once per JVM. Having no OpenCL library, no ICD, no platform or no
 * device is a normal outcome, reported as an empty list with the reason kept for display; nothing
 * here throws.
 */
public final class ClDevices {

  private static final Logger LOG = LoggerFactory.getLogger(ClDevices.class);
  private static volatile Probe probe;

  /** What the probe found: the devices, or none and why. */
  public record Probe(List<ClDevice> devices, String problem) {}

  private ClDevices() {}

  public static Probe probe() {
    Probe result = probe;
    if (result == null) {
      synchronized (ClDevices.class) {
        result = probe;
        if (result == null) {
          result = probe = find();
        }
      }
    }
    return result;
  }

  private static Probe find() {
    if (!OpenClLibraryLookup.mayBeLoadable()) {
      return new Probe(List.of(), "no OpenCL library (the dynamic loader knows no libOpenCL.so)");
    }
    JoclLibraryFile.prepare(); // before CL loads it: a cut copy would crash the JVM
    try {
      CL.setExceptionsEnabled(true);
      int[] count = new int[1];
      clGetPlatformIDs(0, null, count);
      cl_platform_id[] platforms = new cl_platform_id[count[0]];
      clGetPlatformIDs(platforms.length, platforms, null);
      List<ClDevice> devices = new ArrayList<>();
      for (cl_platform_id platform : platforms) {
        addDevices(platform, devices);
      }
      return new Probe(List.copyOf(devices), devices.isEmpty() ? noDeviceOn(names(platforms)) : "");
    } catch (CLException e) {
      LOG.debug("No OpenCL platform", e);
      return new Probe(List.of(), "no OpenCL platform (" + e.getMessage() + ")");
    } catch (LinkageError e) {
      LOG.debug("No OpenCL library", e);
      return new Probe(List.of(), "no OpenCL library (" + e + ")");
    }
  }

  /**
   * Why there is no device when there are platforms: naming them points at the driver to look at
   * (an NVIDIA platform whose kernel module is not loaded has no device), where "no OpenCL device"
   * only repeated the heading it stands under.
   */
  static String noDeviceOn(List<String> platforms) {
    return "no device on the OpenCL platform" + (platforms.size() == 1 ? " " : "s ")
        + String.join(", ", platforms);
  }

  private static List<String> names(cl_platform_id[] platforms) {
    List<String> names = new ArrayList<>();
    for (cl_platform_id platform : platforms) {
      try {
        names.add(string(platform, CL_PLATFORM_NAME));
      } catch (CLException e) {
        names.add("(unnamed)");
      }
    }
    return names;
  }

  /** A platform or device that fails to answer is left out, not the others with it. */
  private static void addDevices(cl_platform_id platform, List<ClDevice> devices) {
    cl_device_id[] ids;
    String platformName;
    try {
      int[] count = new int[1];
      clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
      ids = new cl_device_id[count[0]];
      clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
      platformName = string(platform, CL_PLATFORM_NAME);
    } catch (CLException e) {
      LOG.debug("OpenCL platform without usable devices", e);
      return;
    }
    for (cl_device_id id : ids) {
      try {
        devices.add(describe(platform, platformName, id, "opencl:" + devices.size()));
      } catch (CLException e) {
        LOG.debug("OpenCL device of {} that does not describe itself", platformName, e);
      }
    }
  }

  private static ClDevice describe(cl_platform_id platform, String platformName, cl_device_id id,
      String deviceId) {
    long type = longInfo(id, CL_DEVICE_TYPE, Sizeof.cl_long);
    DeviceInfo.Kind kind = (type & CL_DEVICE_TYPE_GPU) != 0 ? DeviceInfo.Kind.OPENCL_GPU
        : (type & CL_DEVICE_TYPE_CPU) != 0 ? DeviceInfo.Kind.OPENCL_CPU
        : DeviceInfo.Kind.OPENCL_OTHER;
    DeviceInfo info = new DeviceInfo(deviceId, string(id, CL_DEVICE_NAME),
        platformName, kind, intInfo(id, CL_DEVICE_MAX_COMPUTE_UNITS),
        longInfo(id, CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_long),
        longInfo(id, CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_long),
        string(id, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64"));
    return new ClDevice(platform, id, info, longInfo(id, CL_DEVICE_MAX_WORK_GROUP_SIZE, Sizeof.size_t),
        longInfo(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE, Sizeof.cl_ulong));
  }

  private static int intInfo(cl_device_id id, int param) {
    int[] value = new int[1];
    clGetDeviceInfo(id, param, Sizeof.cl_int, Pointer.to(value), null);
    return value[0];
  }

  private static long longInfo(cl_device_id id, int param, int size) {
    long[] value = new long[1];
    clGetDeviceInfo(id, param, size, Pointer.to(value), null);
    return value[0];
  }

  private static String string(cl_device_id id, int param) {
    long[] size = new long[1];
    clGetDeviceInfo(id, param, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    clGetDeviceInfo(id, param, bytes.length, Pointer.to(bytes), null);
    return text(bytes);
  }

  private static String string(cl_platform_id id, int param) {
    long[] size = new long[1];
    clGetPlatformInfo(id, param, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    clGetPlatformInfo(id, param, bytes.length, Pointer.to(bytes), null);
    return text(bytes);
  }

  private static String text(byte[] bytes) {
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == 0) {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8).trim();
  }
}
