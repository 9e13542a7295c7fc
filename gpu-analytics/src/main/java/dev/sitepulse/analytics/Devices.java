package dev.sitepulse.analytics;

import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What can run the analytics here, and the backend for a {@link DeviceChoice}.
 *
 * <p>{@code auto} picks an OpenCL GPU with double precision when there is one and the batch has
 * at least {@link #AUTO_MIN_BATCH} elements (edges, fingerprints or values); below that, copying
 * the data over costs more than the GPU saves. Otherwise, and on machines whose only OpenCL device is a
 * CPU (such as PoCL), it picks the Java backend, which is as fast there and needs no copies.
 */
public final class Devices {

  /** The smallest batch for which {@code auto} uses a GPU. */
  public static final long AUTO_MIN_BATCH = 1L << 20;

  /** Devices that failed under {@code auto} in this JVM: the next step need not fail on them again. */
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

  private Devices() {}

  /** The Java backend ({@code cpu}) followed by every OpenCL device ({@code opencl:N}). */
  public static List<DeviceInfo> list() {
    List<DeviceInfo> all = new ArrayList<>();
    all.add(JavaBackend.describe(Runtime.getRuntime().availableProcessors()));
    all.addAll(OpenClBackend.devices());
    return List.copyOf(all);
  }

  /** Why no OpenCL device is listed (no library, no platform, no device), or "" if one is. */
  public static String openClStatus() {
    return OpenClBackend.unavailableReason();
  }

  /**
   * The device that {@code choice} means for a batch of {@code batchSize} elements.
   *
   * @throws DeviceUnavailableException for {@code opencl[:N]} when there is no such device
   */
  public static DeviceInfo resolve(DeviceChoice choice, long batchSize) {
    return switch (choice.mode()) {
      case CPU -> JavaBackend.describe(Runtime.getRuntime().availableProcessors());
      case OPENCL -> openClDevice(choice).info();
      case AUTO -> autoGpu(batchSize).map(ClDevice::info)
          .orElseGet(() -> JavaBackend.describe(Runtime.getRuntime().availableProcessors()));
    };
  }

  /**
   * Opens the backend that {@code choice} means for a batch of {@code batchSize} elements. The
   * caller closes it. For {@code auto}, a GPU that fails ({@link DeviceFailedException}) hands
   * over to the Java backend, and a call too large for its memory ({@link
   * BufferTooLargeException}) runs on Java alone; a device chosen by name fails the call.
   *
   * @throws DeviceUnavailableException for {@code opencl[:N]} when there is no such device
   * @throws DeviceFailedException for {@code opencl[:N]} when the device is there but cannot be
   *     opened, as when it fails later
   */
  public static AnalyticsBackend open(DeviceChoice choice, long batchSize) {
    return switch (choice.mode()) {
      case CPU -> new JavaBackend();
      case OPENCL -> OpenClBackend.openOrFail(openClDevice(choice));
      case AUTO -> autoGpu(batchSize)
          .flatMap(OpenClBackend::open)
          .<AnalyticsBackend>map(backend -> new FallbackBackend(backend, JavaBackend::new))
          .orElseGet(JavaBackend::new);
    };
  }

  private static Optional<ClDevice> autoGpu(long batchSize) {
    if (batchSize < AUTO_MIN_BATCH) {
      return Optional.empty();
    }
    return OpenClBackend.best()
        .filter(d -> d.info().kind() == DeviceInfo.Kind.OPENCL_GPU && d.info().fp64())
        .filter(d -> !FAILED.contains(d.info().id()));
  }

  /** {@code auto} passes over {@code device} from now on. */
  static void failed(DeviceInfo device) {
    FAILED.add(device.id());
  }

  static boolean hasFailed(DeviceInfo device) {
    return FAILED.contains(device.id());
  }

  private static ClDevice openClDevice(DeviceChoice choice) {
    List<ClDevice> devices = ClDevices.probe().devices();
    if (devices.isEmpty()) {
      throw new DeviceUnavailableException(choice, openClStatus());
    }
    if (choice.openClIndex() < 0) {
      return OpenClBackend.best().orElseThrow();
    }
    if (choice.openClIndex() >= devices.size()) {
      throw new DeviceUnavailableException(choice, "there are OpenCL devices 0.."
          + (devices.size() - 1));
    }
    return devices.get((int) choice.openClIndex()); // below the size, an int
  }
}
