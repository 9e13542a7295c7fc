package dev.sitepulse.analytics;

/**
 * A device that can run the analytics: the pure-Java backend ({@code cpu}) or an OpenCL device
 * ({@code opencl:N}, numbered across all platforms in the order the ICD loader reports them).
 *
 * @param id            what {@link DeviceChoice#parse} accepts to pick this device
 * @param name          the device name as its driver reports it
 * @param platform      the OpenCL platform, or "Java" for the Java backend
 * @param kind          what sort of processor it is
 * @param computeUnits  parallel compute units (cores for the Java backend)
 * @param globalMemory  bytes of device memory (the JVM's max heap for the Java backend)
 * @param localMemory   bytes of local memory per work-group (0 for the Java backend)
 * @param fp64          whether the device computes in double precision (cl_khr_fp64)
 */
public record DeviceInfo(String id, String name, String platform, Kind kind, int computeUnits,
    long globalMemory, long localMemory, boolean fp64) {

  /** The sort of processor behind a device. */
  public enum Kind {
    /** The pure-Java backend on the JVM's own threads. */
    JAVA,
    /** An OpenCL device of type CPU, such as PoCL. */
    OPENCL_CPU,
    /** An OpenCL GPU. */
    OPENCL_GPU,
    /** Any other OpenCL device (accelerators, FPGAs). */
    OPENCL_OTHER
  }

  /** A one-line description, as {@code --list-devices} would show it. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%-9s %-12s %s (%s), %s, %d MiB%s",
        id, kind.name().toLowerCase(java.util.Locale.ROOT), name, platform,
        count(computeUnits, "compute unit"), globalMemory >> 20,
        kind == Kind.JAVA || fp64 ? "" : ", no fp64");
  }

  /** "1 compute unit", "2 compute units": a container of one core lists itself in the singular. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
