package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurfaceFormsTest {

  @Test
  void aPossessiveLosesItsEndingWithAnyApostropheTheAnalyzerKnowsAndNothingElseDoes() {
    assertThat(SurfaceForms.withoutPossessive("asyncio's")).isEqualTo("asyncio");
    assertThat(SurfaceForms.withoutPossessive("Python\u2019S")).isEqualTo("Python");
    assertThat(SurfaceForms.withoutPossessive("PEP\uFF07s")).isEqualTo("PEP");
    assertThat(SurfaceForms.withoutPossessive("'s")).isEqualTo("'s");
    assertThat(SurfaceForms.withoutPossessive("its")).isEqualTo("its");
    assertThat(SurfaceForms.withoutPossessive("bus'")).isEqualTo("bus'");
  }
}
