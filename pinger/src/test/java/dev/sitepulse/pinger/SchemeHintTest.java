package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemeHintTest {

  @ParameterizedTest
  @ValueSource(strings = {"docs.python.org/3/", "127.0.0.1:8941/", "localhost:8080", "example.com", "sitemap.xml.example.com/"})
  void aUrlThatStartsWithAHostIsAskedWhetherHttpWasMeant(String url) {
    assertThat(SchemeHint.of(url)).isEqualTo(" (did you mean http://" + url + "?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"targets.yaml", "config/targets.yml", "urls.txt", "seeds.JSON", "mailto:a@b.c"})
  void aFileNameIsNotTakenForAHost(String text) {
    // `sitepulse ping targets.yaml` forgot its -c: "did you mean http://targets.yaml?" misleads.
    assertThat(SchemeHint.of(text)).isEmpty();
  }
}
