package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectChainsTest {

  @Test
  void aChainThatComesBackToAUrlIsALoopNamedByItsFirstUrl() {
    assertThat(RedirectChains.tooMany(List.of("http://a/1", "http://a/2", "http://a/3", "http://a/2"), 10))
        .isEqualTo("redirect loop starting at http://a/1");
  }

  @Test
  void aChainOfDistinctUrlsIsTooLongForTheLimit() {
    assertThat(RedirectChains.tooMany(List.of("http://a/1", "http://a/2", "http://a/3"), 2))
        .isEqualTo("more than 2 redirects starting at http://a/1");
  }

  @Test
  void aLimitOfOneRedirectIsSaidInTheSingular() {
    assertThat(RedirectChains.tooMany(List.of("http://a/1", "http://a/2", "http://a/3"), 1))
        .isEqualTo("more than 1 redirect starting at http://a/1");
  }
}
