package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeSpellingTest {

  @Test
  void aDoubleColonBetweenNamesIsADot() {
    assertThat(CodeSpelling.read("HashMap::entry")).isEqualTo("HashMap.entry");
    assertThat(CodeSpelling.read("std::fs::read_to_string example")).isEqualTo("std.fs.read_to_string example");
    assertThat(CodeSpelling.read("+Vec::push -title:Vec::new")).isEqualTo("+Vec.push -title:Vec.new");
  }

  @Test
  void aCallsEmptyBracketsMakeTheNameAPhrase() {
    assertThat(CodeSpelling.read("IndexWriter.commit()")).isEqualTo("\"IndexWriter.commit()\"");
    assertThat(CodeSpelling.read("os.getcwd() cwd")).isEqualTo("\"os.getcwd()\" cwd");
    assertThat(CodeSpelling.read("title:commit() -close()")).isEqualTo("title:\"commit()\" -\"close()\"");
    assertThat(CodeSpelling.read("HashMap::new()")).isEqualTo("\"HashMap.new()\"");
  }

  @Test
  void phrasesEscapesRangesFieldsAndGroupsAreAsTyped() {
    assertThat(CodeSpelling.read("\"HashMap::entry\"")).isEqualTo("\"HashMap::entry\"");
    assertThat(CodeSpelling.read("\"commit()\"")).isEqualTo("\"commit()\"");
    assertThat(CodeSpelling.read("a\\::b")).isEqualTo("a\\::b");
    assertThat(CodeSpelling.read("url:[a::b TO c()]")).isEqualTo("url:[a::b TO c()]");
    assertThat(CodeSpelling.read("title:socket")).isEqualTo("title:socket");
    assertThat(CodeSpelling.read("::std a:: ::b")).isEqualTo("::std a:: ::b");
    assertThat(CodeSpelling.read("search(Query, int) a ()")).isEqualTo("search(Query, int) a ()");
  }
}
