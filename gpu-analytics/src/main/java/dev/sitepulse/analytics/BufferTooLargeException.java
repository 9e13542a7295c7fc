package dev.sitepulse.analytics;

/**
 * A call needs a device buffer larger than the device allows: more than one buffer may take
 * (CL_DEVICE_MAX_MEM_ALLOC_SIZE), or more than the device's memory holds beside the buffers the
 * step has already (CL_DEVICE_GLOBAL_MEM_SIZE). It is found before the buffer is made, not by a
 * failed allocation or first use. The device is not broken: under {@code auto} the Java backend
 * runs this call and the device keeps the next, smaller ones; a device chosen by name fails the
 * call with this one-line message, naming the device, the buffer and both sizes.
 */
public final class BufferTooLargeException extends DeviceFailedException {

  private static final long serialVersionUID = 1L;

  private final String buffer;
  private final long bytes;

  /**
   * @param why what the size exceeds, e.g. "more than the 1048576 bytes (1.0 MiB) one buffer may
   *     take on this device (CL_DEVICE_MAX_MEM_ALLOC_SIZE)"
   */
  public BufferTooLargeException(DeviceInfo device, String buffer, long bytes, String why) {
    super(device, "buffer " + buffer + " needs " + describe(bytes) + ", " + why, null);
    this.buffer = buffer;
    this.bytes = bytes;
  }

  /** The buffer's role, such as {@code latency.values} or {@code pagerank.sources}. */
  public String buffer() {
    return buffer;
  }

  public long bytes() {
    return bytes;
  }

  /** Bytes as a count and in MiB, as the messages give sizes. */
  public static String describe(long bytes) {
    return String.format(java.util.Locale.ROOT, "%d bytes (%.1f MiB)", bytes, bytes / 1048576.0);
  }
}
