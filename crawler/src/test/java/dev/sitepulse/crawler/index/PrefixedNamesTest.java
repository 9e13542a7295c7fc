package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixedNamesTest {

  @Test
  void anIdThatSpellsItsNameAfterAPrefixIsPrefixedAndOneThatSpellsItWholeIsNot() {
    assertThat(PrefixedNames.spelledAfterPrefix("to3fixer-print", "print")).isTrue();
    assertThat(PrefixedNames.spelledAfterPrefix("GUC-WORK-MEM", "work_mem")).isTrue();
    assertThat(PrefixedNames.spelledAfterPrefix("WORK-MEM", "work_mem")).as("another form, whole").isFalse();
  }

  @Test
  void onlyANameWithoutDotsOrMarksHasAPrefixedTerm() {
    assertThat(PrefixedNames.term("print")).isEqualTo("-print");
    assertThat(PrefixedNames.term("max_connections")).isEqualTo("-max_connections");
    assertThat(PrefixedNames.term("os.path")).isNull();
    assertThat(PrefixedNames.term(".getcwd")).isNull();
    assertThat(PrefixedNames.term("?decorator")).isNull();
    assertThat(PrefixedNames.term("/fs")).isNull();
  }

  @Test
  void aPageThatDefinesANameWholeKeepsOnlyThatTerm() {
    Set<String> terms = new LinkedHashSet<>(List.of("#", "-print", "print", "-xrange"));

    PrefixedNames.dropWhereWhole(terms);

    assertThat(terms).containsExactly("#", "print", "-xrange");
  }
}
