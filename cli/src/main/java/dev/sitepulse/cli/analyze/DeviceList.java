package dev.sitepulse.cli.analyze;

import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.pinger.format.JsonOutput;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The device listing of --list-devices. */
final class DeviceList {
  private DeviceList() {}

  /** The devices with every field {@link DeviceInfo} has, and why OpenCL is missing, if it is. */
  static void writeJson(List<DeviceInfo> devices, String openClStatus, PrintStream out) {
    JsonOutput.pretty(out, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("devices");
      for (DeviceInfo d : devices) {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("kind", d.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("name", d.name());
        g.writeStringField("platform", d.platform());
        g.writeNumberField("compute_units", d.computeUnits());
        g.writeNumberField("global_memory_bytes", d.globalMemory());
        g.writeNumberField("local_memory_bytes", d.localMemory());
        g.writeBooleanField("fp64", d.fp64());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!openClStatus.isEmpty()) {
        g.writeStringField("no_opencl_because", openClStatus);
      }
      g.writeEndObject();
    });
  }

  static void print(List<DeviceInfo> devices, String openClStatus, PrintStream out) {
    for (DeviceInfo d : devices) {
      out.println(d.describe());
    }
    if (!openClStatus.isEmpty()) {
      out.println("(no OpenCL device: " + openClStatus + ")");
    }
  }
}
