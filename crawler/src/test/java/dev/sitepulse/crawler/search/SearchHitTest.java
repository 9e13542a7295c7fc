package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHitTest {

  @Test
  void aLinkToADefinitionPercentEncodesTheIdsNonAsciiLetters() {
    SearchHit hit = new SearchHit("http://h/etat.html", "t", 1f, "", List.of(), "ÉtatCivil.nom");

    assertThat(hit.link()).isEqualTo("http://h/etat.html#%C3%89tatCivil.nom");
  }

  @Test
  void aHitWithoutADefinitionLinksToThePage() {
    assertThat(new SearchHit("http://h/a.html", "t", 1f, "", List.of()).link()).isEqualTo("http://h/a.html");
  }
}
