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

  @Test
  void aFractionIsTakenWhenItMakesWholeBytesAndRefusedWhenItDoesNot() {
    assertThat(DataSize.parse("1.5KiB").bytes()).isEqualTo(1536);
    assertThat(DataSize.parse("0.5MB").bytes()).isEqualTo(500_000);
    assertThatThrownBy(() -> DataSize.parse("1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"1.5\" is not a whole number of bytes");
    assertThat(DataSize.parse("0.3KB").bytes()).isEqualTo(300);
    assertThatThrownBy(() -> DataSize.parse("0.0001KB")).hasMessage("\"0.0001KB\" is not a whole number of bytes");
  }
}
