package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void deviceChoicesParseAsTheCommandLineWritesThem() {
    assertThat(DeviceChoice.parse("auto")).isEqualTo(DeviceChoice.AUTO);
    assertThat(DeviceChoice.parse("CPU")).isEqualTo(DeviceChoice.CPU);
    assertThat(DeviceChoice.parse("opencl")).isEqualTo(DeviceChoice.OPENCL);
    assertThat(DeviceChoice.parse("opencl:2")).isEqualTo(new DeviceChoice(DeviceChoice.Mode.OPENCL, 2));
    assertThat(DeviceChoice.parse("opencl:2")).hasToString("opencl:2");
  }

  @Test
  void theFirstOpenClDeviceIsNamedByItsNumberNotAsTheBestOne() {
    assertThat(DeviceChoice.parse("opencl:0")).hasToString("opencl:0")
        .isNotEqualTo(DeviceChoice.OPENCL);
    assertThat(DeviceChoice.OPENCL).hasToString("opencl");
  }

  @Test
  void aDeviceNumberOfTenDigitsOrMoreParsesForTheDevicesToSayItIsNotThere() {
    assertThat(DeviceChoice.parse("opencl:12345678901")).hasToString("opencl:12345678901");
    assertThat(DeviceChoice.parse("opencl:1000000000000000000")).hasToString("opencl:1000000000000000000");
    assertThat(DeviceChoice.parse("opencl:0099999999999999999999")).hasToString("opencl:99999999999999999999")
        .isNotEqualTo(DeviceChoice.parse("opencl:9223372036854775807"));
    assertThat(DeviceChoice.parse("opencl:0000000001")).isEqualTo(new DeviceChoice(DeviceChoice.Mode.OPENCL, 1));
  }

  @Test
  void onlyAnOpenClChoiceCarriesADeviceNumberAndMinusOneMeansNone() {
    assertThat(new DeviceChoice(DeviceChoice.Mode.OPENCL, -1)).isEqualTo(DeviceChoice.OPENCL);
    assertThat(new DeviceChoice(DeviceChoice.Mode.CPU, -1)).isEqualTo(DeviceChoice.CPU);
    assertThatThrownBy(() -> new DeviceChoice(DeviceChoice.Mode.OPENCL, -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
    assertThatThrownBy(() -> new DeviceChoice(DeviceChoice.Mode.CPU, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CPU");
  }

  @Test
  void aBadDeviceChoiceIsRejectedWithTheValueNamed() {
    for (String bad : new String[] {"gpu", "opencl:", "opencl:-1", "opencl:x", "", "opencl:+1", "opencl:\u0663"}) {
      assertThatThrownBy(() -> DeviceChoice.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void pageRankSettingsAreValidatedWithTheFieldAndValueNamed() {
    assertThatThrownBy(() -> PageRankConfig.DEFAULTS.withDamping(1.0))
        .hasMessageContaining("damping").hasMessageContaining("1.0");
    assertThatThrownBy(() -> PageRankConfig.DEFAULTS.withTolerance(-1))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> PageRankConfig.DEFAULTS.withMaxIterations(0))
        .hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> PageRankConfig.DEFAULTS.withTopN(-1))
        .hasMessageContaining("topN");
  }

  @Test
  void theDefaultsAreTheIssuesOnes() {
    assertThat(PageRankConfig.DEFAULTS.damping()).isEqualTo(0.85);
    assertThat(PageRankConfig.DEFAULTS.tolerance()).isEqualTo(1e-9);
  }

  @Test
  void aDistanceOutsideZeroTo63IsRejected() {
    try (JavaBackend java = new JavaBackend(1)) {
      assertThatThrownBy(() -> java.nearDuplicates(new long[2], 64))
          .hasMessageContaining("maxDistance").hasMessageContaining("64");
    }
  }
}
