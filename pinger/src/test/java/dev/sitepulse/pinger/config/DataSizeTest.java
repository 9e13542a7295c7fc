package dev.sitepulse.pinger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {

  @Test
  void sizesReadInBinaryAndDecimalUnitsAndPrintInTheLargestWholeOne() {
    assertThat(DataSize.parse("512KiB").bytes()).isEqualTo(512 * 1024);
    assertThat(DataSize.parse("10MB").bytes()).isEqualTo(10_000_000);
    assertThat(DataSize.parse("2GiB")).hasToString("2GiB");
    assertThat(DataSize.parse("1536KiB")).hasToString("1536KiB");
  }

  @Test
  void aSizePastWhatALongHoldsIsRefusedNotMadeTheLargestLong() {
    assertThatThrownBy(() -> DataSize.parse("99999999999GiB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"99999999999GiB\" is too large a size");
  }
}
