package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageDefinitionsTest {

  @Test
  void aNameAnIdSpellsAfterAPrefixIsItsPrefixedTerm() {
    PageDefinitions defined = PageDefinitions.of(page("https://h/2to3.html")
        .anchors(Set.of("to3fixer-print")).definitionIds(Set.of("to3fixer-print"))
        .termNames(Map.of("to3fixer-print", "print")).build());

    assertThat(defined.terms()).contains("-print").doesNotContain("print");
    assertThat(defined.lines()).containsExactly("print\tto3fixer-print");
  }

  @Test
  void aTurkishNameThatLowerCasesToNoIdentifierIsIndexedAsTheNameItIs() {
    // İ lower-cases to i and a combining dot, which is no letter: the prefixed term had none
    PageDefinitions defined = PageDefinitions.of(page("https://h/opts.html")
        .anchors(Set.of("opt-İd", "opt-verbose")).definitionIds(Set.of("opt-İd", "opt-verbose"))
        .termNames(Map.of("opt-İd", "İd", "opt-verbose", "verbose")).build());

    assertThat(defined.terms()).doesNotContainNull().contains("i̇d", "-verbose");
    assertThat(defined.lines()).containsExactly("verbose\topt-verbose", "İd\topt-İd");
  }
}
