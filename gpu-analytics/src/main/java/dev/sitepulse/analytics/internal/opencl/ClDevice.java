package dev.sitepulse.analytics.internal.opencl;

import dev.sitepulse.analytics.DeviceInfo;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** An OpenCL device as found on the machine, with the handles needed to open a context on it. */
public record ClDevice(cl_platform_id platform, cl_device_id device, DeviceInfo info,
    long maxWorkGroupSize) {}
