package dev.sitepulse.analytics.internal.opencl;

import dev.sitepulse.analytics.DeviceInfo;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * An OpenCL device as found on the machine, with the handles needed to open a context on it.
 *
 * @param maxAllocation the largest buffer the device allows (CL_DEVICE_MAX_MEM_ALLOC_SIZE); its
 *     whole memory is {@code info().globalMemory()}
 */
public record ClDevice(cl_platform_id platform, cl_device_id device, DeviceInfo info,
    long maxWorkGroupSize, long maxAllocation) {

  /** A device whose largest buffer is not known: only its whole memory bounds one. */
  public ClDevice(cl_platform_id platform, cl_device_id device, DeviceInfo info, long maxWorkGroupSize) {
    this(platform, device, info, maxWorkGroupSize, info.globalMemory());
  }
}
