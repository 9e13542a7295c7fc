package dev.sitepulse.crawler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnchorListTest {

  @Test
  void anyIdComesBackWholeSpacesAndPercentSignsIncluded() {
    Set<String> ids = Set.of("with space", "100%", "%20", "% 25", "café", "plain");

    assertThat(AnchorList.split(AnchorList.join(ids))).isEqualTo(ids);
  }

  @Test
  void noAnchorsIsNullAndNullIsNoAnchors() {
    assertThat(AnchorList.join(List.of())).isNull();
    assertThat(AnchorList.split(null)).isEmpty();
  }

  @Test
  void aRowWrittenBeforeTheEscapingReadsAsItDid() {
    assertThat(AnchorList.split("intro 100% top")).containsExactlyInAnyOrder("intro", "100%", "top");
  }
}
