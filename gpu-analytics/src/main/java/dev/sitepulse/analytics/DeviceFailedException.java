package dev.sitepulse.analytics;

/**
 * An OpenCL device failed in the middle of a computation: a kernel did not build for it, or a call
 * returned an error (out of device memory, a lost device). The message is one line; {@link
 * JavaBackend} gives the same answers, and {@link Devices#open} falls back to it for {@code auto}.
 */
public class DeviceFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeviceFailedException(DeviceInfo device, String what, Throwable cause) {
    super(device.name() + ": " + what, cause);
  }
}
