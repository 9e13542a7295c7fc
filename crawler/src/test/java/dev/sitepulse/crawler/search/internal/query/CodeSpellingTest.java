package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSpellingTest {

  /** Far past what a linear reading takes on a loaded machine: not a speed goal. */
  private static final Duration NEVER_ENDING = Duration.ofSeconds(30);

  @Test
  void aDoubleColonBetweenNamesIsADot() {
    assertThat(CodeSpelling.read("HashMap::entry").text()).isEqualTo("HashMap.entry");
    assertThat(CodeSpelling.read("std::fs::read_to_string example").text()).isEqualTo("std.fs.read_to_string example");
    assertThat(CodeSpelling.read("+Vec::push -title:Vec::new").text()).isEqualTo("+Vec.push -title:Vec.new");
  }

  @Test
  void eachPathTypedWithColonsIsKnownByItsDottedNameAndWhereItWasTyped() {
    CodeSpelling.Reading reading = CodeSpelling.read("std::vec::Vec::new() \"a::b\" push"); // "std.vec.Vec.new()" "a::b" push

    assertThat(reading.paths()).containsOnly(entry("std.vec.Vec.new", "std::vec::Vec::new"), entry("a.b", "a::b"));
    assertThat(reading.inPath(1)).as("the s of std, after the added quote").isTrue();
    assertThat(reading.inPath(reading.text().indexOf("new") + 2)).as("the w of new").isTrue();
    assertThat(reading.inPath(reading.text().indexOf("push"))).isFalse();
    assertThat(CodeSpelling.read("os.path.join").paths()).isEmpty();
  }

  @Test
  void aLongWordWithoutColonsIsReadInTimeLinearInItsLength() {
    String word = "x".repeat(1_000_000) + " a::b";
    // Tried from each of its letters to its end, a fifth of this word took minutes; read in linear
    // time it takes a second on a loaded machine. The bound only stops a run that would go on.
    CodeSpelling.Reading reading = assertTimeoutPreemptively(NEVER_ENDING, () -> CodeSpelling.read(word));

    assertThat(assertTimeoutPreemptively(NEVER_ENDING, reading::paths)).containsOnly(entry("a.b", "a::b"));
    assertThat(assertTimeoutPreemptively(NEVER_ENDING, () -> reading.inPath(5))).isFalse();
  }

  @Test
  void aCallsEmptyBracketsMakeTheNameAPhrase() {
    assertThat(CodeSpelling.read("IndexWriter.commit()").text()).isEqualTo("\"IndexWriter.commit()\"");
    assertThat(CodeSpelling.read("os.getcwd() cwd").text()).isEqualTo("\"os.getcwd()\" cwd");
    assertThat(CodeSpelling.read("title:commit() -close()").text()).isEqualTo("title:\"commit()\" -\"close()\"");
    assertThat(CodeSpelling.read("HashMap::new()").text()).isEqualTo("\"HashMap.new()\"");
  }

  @Test
  void aLongOptionIsQuoted() {
    CodeSpelling.Reading reading = CodeSpelling.read("cargo build --release --features=serde,derive");

    assertThat(reading.text()).isEqualTo("cargo build \"--release\" \"--features=serde,derive\"");
    assertThat(reading.typedColumn(14)).as("the first dash").isEqualTo(13);
    assertThat(CodeSpelling.read("--no-default-features").text()).isEqualTo("\"--no-default-features\"");
    assertThat(CodeSpelling.read("-release a-b a--b -- x \"--x\"").text()).as("an exclusion, words, a lone --, a phrase")
        .isEqualTo("-release a-b a--b -- x \"--x\"");
  }

  @Test
  void aLongOptionAtTheStartOfAGroupOrAfterAFieldIsQuotedToo() {
    assertThat(CodeSpelling.read("(--release)").text()).isEqualTo("(\"--release\")");
    assertThat(CodeSpelling.read("cargo AND (build --release)").text()).isEqualTo("cargo AND (build \"--release\")");
    assertThat(CodeSpelling.read("title:--release -body:(--no-default-features)").text())
        .isEqualTo("title:\"--release\" -body:(\"--no-default-features\")");
    assertThat(CodeSpelling.read("a:--b ::--c x)--y").text()).as("not after a lone colon pair or a closing bracket")
        .isEqualTo("a:\"--b\" ::--c x)--y");
  }

  @Test
  void operatorWordsWithNothingToJoinAreReadAsTheWords() {
    CodeSpelling.Reading reading = CodeSpelling.read(" OR  NOT");

    assertThat(reading.text()).isEqualTo(" \"OR\"  \"NOT\"");
    assertThat(reading.typedColumn(8)).as("the N of NOT").isEqualTo(6);
    assertThat(CodeSpelling.read("a OR b").text()).isEqualTo("a OR b");
    assertThat(CodeSpelling.read("OR b").text()).as("an operator with a word is the grammar's to refuse").isEqualTo("OR b");
    assertThat(CodeSpelling.read("Or").text()).isEqualTo("Or");
  }

  @Test
  void phrasesEscapesRangesFieldsAndGroupsAreAsTyped() {
    assertThat(CodeSpelling.read("\"HashMap::entry\"").text()).isEqualTo("\"HashMap::entry\"");
    assertThat(CodeSpelling.read("\"commit()\"").text()).isEqualTo("\"commit()\"");
    assertThat(CodeSpelling.read("a\\::b").text()).isEqualTo("a\\::b");
    assertThat(CodeSpelling.read("url:[a::b TO c()]").text()).isEqualTo("url:[a::b TO c()]");
    assertThat(CodeSpelling.read("title:socket").text()).isEqualTo("title:socket");
    assertThat(CodeSpelling.read("::std a:: ::b").text()).isEqualTo("::std a:: ::b");
    assertThat(CodeSpelling.read("search(Query, int) a ()").text()).isEqualTo("search(Query, int) a ()");
  }

  @Test
  void eachCharacterReadKnowsItsColumnAsTyped() {
    CodeSpelling.Reading reading = CodeSpelling.read("Vec::new() )"); // read as "Vec.new()" )

    assertThat(reading.text()).isEqualTo("\"Vec.new()\" )");
    assertThat(reading.typedColumn(13)).as("the last bracket").isEqualTo(12);
    assertThat(reading.typedColumn(6)).as("the n of new").isEqualTo(6);
    assertThat(reading.typedColumn(1)).as("the added quote stands for the V").isEqualTo(1);
    assertThat(reading.typedColumn(14)).as("the end").isEqualTo(13);
    assertThat(reading.typedColumn(-1)).isEqualTo(-1);
    assertThat(reading.changed()).isTrue();
    assertThat(CodeSpelling.read("plain words").changed()).isFalse();
  }

  @Test
  void aCorrectionOfTheTextReadIsMadeToTheQueryAsTypedBetweenItsNamesDots() {
    CodeSpelling.Reading reading = CodeSpelling.read("hashMap::entri() x"); // read as "hashMap.entri()" x

    // A word of mixed case takes the pages' case: both parts change, the :: and brackets stay.
    assertThat(reading.typedWith(List.of(new Correction(1, 14, "HashMap.entry")))).isEqualTo("HashMap::entry() x");
    // One with a dot more or less than the word's replaces it whole.
    assertThat(reading.typedWith(List.of(new Correction(1, 14, "HashMapentry")))).isEqualTo("HashMapentry() x");
  }
}
