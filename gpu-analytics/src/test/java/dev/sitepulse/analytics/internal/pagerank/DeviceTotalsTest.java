package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
import dev.sitepulse.analytics.testing.RmatGraphs;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.cl_mem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GPU path adds its work-groups' partial sums on the device (run on PoCL in CI). */
class DeviceTotalsTest {

  private final StepClock clock = new StepClock("test");
  private ClDevice device;

  @BeforeEach
  void findDevice() {
    List<ClDevice> devices = ClDevices.probe().devices();
    assumeFalse(devices.isEmpty(), "no OpenCL device here");
    device = devices.get(0);
  }

  @ParameterizedTest(name = "{0} pairs")
  @ValueSource(ints = {1, 255, 257, 10_001})
  void everyPairIsAddedIntoOne(int pairs) {
    // Small whole numbers: float adds them exactly in any order, so the totals must be equal.
    float[] partials = new float[2 * pairs];
    float change = 0;
    float dangling = 0;
    for (int p = 0; p < pairs; p++) {
      partials[2 * p] = p % 7;
      partials[2 * p + 1] = p % 5 + 1;
      change += partials[2 * p];
      dangling += partials[2 * p + 1];
    }
    float[] totals = new float[2];
    try (ClSession session = ClSession.open(device)) {
      cl_mem onDevice = session.buffer("test.partials", 4L * partials.length);
      session.write(onDevice, Pointer.to(partials), 4L * partials.length, clock);
      DeviceTotals sums = new DeviceTotals(session, 4, clock);
      sums.rebuild("");
      sums.launch(onDevice, pairs);
      session.read(sums.totals(), Pointer.to(totals), 8, clock);
    }

    assertThat(totals).containsExactly(change, dangling);
  }

  @Test
  void aGpuIterationLeavesTheHostOnePairToReadHoweverManyWorkGroupsItRan() {
    // 2^14 nodes in groups of 256 work-items, and the nodes of 64+ in-edges settled in more.
    CsrGraph graph = RmatGraphs.graph(14, 200_000, 14);
    try (ClSession session = ClSession.open(device)) {
      NodeSteps steps = new NodeSteps(session, graph, "", 4, clock);

      assertThat(steps.partialPairs()).isEqualTo(1);
    }
  }
}
