package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

  @Test
  void aSphinxModuleIdNamesTheModuleTheTitleStartsWithAndNoHeadingSlug() {
    assertThat(ApiNames.moduleDefinedBy("module-socket", "socket — Low-level networking interface"))
        .isEqualTo("socket");
    assertThat(ApiNames.moduleDefinedBy("module-os.path", "os.path — Common pathname manipulations"))
        .isEqualTo("os.path");
    assertThat(ApiNames.moduleDefinedBy("module-contents", "socket — Low-level networking interface")).isNull();
    assertThat(ApiNames.moduleDefinedBy("module-os", "os.path — Common pathname manipulations")).isNull();
    assertThat(ApiNames.moduleDefinedBy("socket", "socket — Low-level networking interface")).isNull();
    assertThat(ApiNames.moduleDefinedBy("module-os", "os.path and os — two modules")).as("a later whole word")
        .isEqualTo("os");
    assertThat(ApiNames.moduleDefinedBy("module-socket", "Networking with socket")).as("last in the title")
        .isEqualTo("socket");
    assertThat(ApiNames.moduleDefinedBy("module-socket", "Xsocket — not it")).as("part of a first word").isNull();
    assertThat(ApiNames.moduleDefinedBy("module-3d", "3d — Solids")).as("no identifier").isNull();
  }

  @Test
  void aDottedNamesTailsAreTheNamesPeopleWriteForItsMethods() {
    assertThat(ApiNames.dottedTails("datetime.datetime.strftime")).containsExactly("datetime.strftime");
    assertThat(ApiNames.dottedTails("a.b.c.d")).containsExactly("b.c.d", "c.d");
    assertThat(ApiNames.dottedTails("os.path")).isEmpty();
    assertThat(ApiNames.dottedTails("KeyError")).isEmpty();
  }
}
