package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHitTest {

  @Test
  void aLinkToADefinitionPercentEncodesTheIdsNonAsciiLetters() {
    SearchHit hit = new SearchHit("http://h/etat.html", "t", 1f, "", List.of(), "ÉtatCivil.nom", true);

    assertThat(hit.link()).isEqualTo("http://h/etat.html#%C3%89tatCivil.nom");
  }

  @Test
  void aLinkKeepsJavadocsBracketsAndEncodesWhatABrowserWould() {
    SearchHit hit = new SearchHit("http://h/W.html", "t", 1f, "", List.of(), "search(Query,int)", false);
    SearchHit quoted = new SearchHit("http://h/q.html", "t", 1f, "", List.of(), "a\"b<c>`d", false);

    assertThat(hit.link()).isEqualTo("http://h/W.html#search(Query,int)");
    assertThat(quoted.link()).isEqualTo("http://h/q.html#a%22b%3Cc%3E%60d");
  }

  @Test
  void thePageTitleLeavesOutTheSitesNameAndTheSeparatorBeforeIt() {
    assertThat(hit("os — Miscellaneous operating system interfaces — Python docs", "Python docs").pageTitle())
        .isEqualTo("os — Miscellaneous operating system interfaces");
    assertThat(hit("Intro | My Site", "My Site").pageTitle()).isEqualTo("Intro");
    assertThat(hit("Vec in std::vec - Rust", "Rust").pageTitle()).isEqualTo("Vec in std::vec");
    assertThat(hit("Intro | My Site", null).pageTitle()).isEqualTo("Intro | My Site");
  }

  @Test
  void aTitleThatIsNothingButTheSitesNameStaysWhole() {
    assertThat(hit(" | My Site", "My Site").pageTitle()).isEqualTo(" | My Site");
    assertThat(hit("Trust", "Rust").pageTitle()).as("no separator before it").isEqualTo("Trust");
  }

  private static SearchHit hit(String title, String site) {
    return new SearchHit("http://h/a.html", title, 1f, "", List.of(), null, false, site);
  }

  @Test
  void aHitWithoutADefinitionLinksToThePage() {
    assertThat(new SearchHit("http://h/a.html", "t", 1f, "", List.of()).link()).isEqualTo("http://h/a.html");
  }
}
