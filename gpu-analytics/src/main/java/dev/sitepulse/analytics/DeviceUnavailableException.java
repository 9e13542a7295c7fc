package dev.sitepulse.analytics;

/** The device asked for with {@code --device} does not exist or cannot be opened here. */
public final class DeviceUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient DeviceChoice choice;

  public DeviceUnavailableException(DeviceChoice choice, String reason) {
    super("device " + choice + " is not available: " + reason);
    this.choice = choice;
  }

  public DeviceChoice choice() {
    return choice;
  }
}
