package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"os.path.join", "KeyError", "lru_cache", "__init__", "_private", "shapes.Circle.area",
      "str.format", "x2.y", "ÉtatCivil", "OSError", "HTTPServer", "URLError", "IOError"})
  void dottedUnderscoredOrCamelCasedIdentifiersAreApiNames(String word) {
    assertThat(ApiNames.isOne(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "json", "KEYWORDS", "Keyerror", "module-json", "id1", "os.", ".os", "os..path",
      "2to3.x", "a.2b", "str.format()", "json dumps", "ShapeError-note", "#", "_", "__", "A1"})
  void plainWordsSlugsAndWhatNoNameLooksLikeAreNot(String word) {
    assertThat(ApiNames.isOne(word)).isFalse();
  }
}
