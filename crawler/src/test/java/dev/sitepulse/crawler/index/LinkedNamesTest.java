package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedNamesTest {

  @Test
  void aCalledNameCountsAndADottedOneAlsoByItsLastPart() {
    assertThat(LinkedNames.name("open()")).isEqualTo("open");
    assertThat(LinkedNames.name(" str.split() ")).isEqualTo("str.split/split");
    assertThat(LinkedNames.name("object.__init__()")).isEqualTo("object.__init__/__init__");
  }

  @Test
  void aModulesDottedNameCountsWholeOnly() {
    assertThat(LinkedNames.name("urllib.request")).isEqualTo("urllib.request");
  }

  @Test
  void anUnderscoredNameCountsUncalled() {
    assertThat(LinkedNames.name("__init__")).isEqualTo("__init__");
  }

  @Test
  void proseAndBareWordsAreNoNames() {
    assertThat(LinkedNames.name("dict")).isNull();
    assertThat(LinkedNames.name("Built-in Functions")).isNull();
    assertThat(LinkedNames.name("chain() (in module itertools)")).isNull();
    assertThat(LinkedNames.name("print(x)")).isNull();
  }

  @Test
  void eachSectionCountsTheDistinctPagesThatLinkToItByAName() {
    LinkedNames names = new LinkedNames();
    names.add(1, "https://d/f.html", "open", "open()");
    names.add(1, "https://d/f.html", "open", "open()");
    names.add(2, "https://d/f.html", "open", "open()");
    names.add(3, "https://d/f.html", null, "Built-in Functions");

    assertThat(LinkedNames.decode(names.encoded().get("https://d/f.html")))
        .containsExactly(new LinkedNames.Line("open", 2, List.of("open")));
  }
}
