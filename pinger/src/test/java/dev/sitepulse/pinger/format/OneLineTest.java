package dev.sitepulse.pinger.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneLineTest {

  @Test
  void aBidirectionalOverrideCannotTurnTheRestOfTheLineAround() {
    assertThat(OneLine.of("api\u202Eedoc\u2067x\u2069")).isEqualTo("api edoc x ");
  }

  @Test
  void eachBidirectionalControlAloneIsBlankedAndItsNeighboursAreLeft() {
    // The marks, the first and last of each range: U+2028-U+202E (the separators with the
    // embeddings and overrides) and U+2066-U+2069.
    for (String bidi : List.of("\u061C", "\u200E", "\u200F", "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069")) {
      assertThat(OneLine.of("api" + bidi + "edoc")).isEqualTo("api edoc");
    }
    for (int neighbour : new int[] {'a', 0x00A0, 0x061B, 0x200D, 0x2010, 0x2027, 0x202F, 0x2065, 0x206A}) {
      assertThat(OneLine.isControl(neighbour)).as("U+%04X", neighbour).isFalse();
    }
  }
}
