package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSeparatorsTest {

  @Test
  void aDoubleColonBetweenNamesIsADot() {
    assertThat(PathSeparators.dotted("HashMap::entry")).isEqualTo("HashMap.entry");
    assertThat(PathSeparators.dotted("std::fs::read_to_string example")).isEqualTo("std.fs.read_to_string example");
    assertThat(PathSeparators.dotted("+Vec::push -title:Vec::new")).isEqualTo("+Vec.push -title:Vec.new");
  }

  @Test
  void phrasesEscapesRangesAndFieldsAreAsTyped() {
    assertThat(PathSeparators.dotted("\"HashMap::entry\"")).isEqualTo("\"HashMap::entry\"");
    assertThat(PathSeparators.dotted("a\\::b")).isEqualTo("a\\::b");
    assertThat(PathSeparators.dotted("url:[a::b TO c]")).isEqualTo("url:[a::b TO c]");
    assertThat(PathSeparators.dotted("title:socket")).isEqualTo("title:socket");
    assertThat(PathSeparators.dotted("::std a:: ::b")).isEqualTo("::std a:: ::b");
  }
}
