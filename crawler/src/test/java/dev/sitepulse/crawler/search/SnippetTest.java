package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetTest {
  @TempDir Path dir;

  @Test
  void aLongSentenceIsCutToAWindowAroundTheMatchAtWordBoundaries() throws Exception {
    String filler = "lorem ipsum dolor sit amet ".repeat(200);
    String body = filler + "the zeppelin lands here " + filler + ".";
    SearchHit hit = onlyHit(body, "zeppelin");
    String inner = hit.snippet().substring(2, hit.snippet().length() - 2);

    assertThat(hit.snippet().length()).isLessThan(SnippetFormatter.MAX_PASSAGE_CHARS + 10);
    assertThat(hit.snippet()).startsWith("… ").endsWith(" …");
    assertThat(hit.snippet()).contains("the zeppelin lands here");
    assertThat(body).as("cut between words").contains(" " + inner + " ");
    assertHighlightsRead(hit, "zeppelin");
  }

  @Test
  void distantPassagesAreJoinedByAnEllipsisAndNeighboursBySpace() throws Exception {
    String body =
        "Zeppelins fly slowly. Nothing else here. Still nothing. More filler text. "
            + "Even more filler. The last zeppelin landed in 1940.";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet())
        .isEqualTo("Zeppelins fly slowly. … The last zeppelin landed in 1940.");
    assertHighlightsRead(hit, "Zeppelins", "zeppelin");
  }

  @Test
  void newlinesInTheBodyBecomeSpacesWithoutShiftingOffsets() throws Exception {
    SearchHit hit = onlyHit("Airships\nand\tzeppelins\nfly", "zeppelins");

    assertThat(hit.snippet()).isEqualTo("Airships and zeppelins fly");
    assertHighlightsRead(hit, "zeppelins");
  }

  @Test
  void aPageWithoutBodyTextHasAnEmptySnippet() throws Exception {
    SearchHit hit = onlyHit("", "title:page");

    assertThat(hit.snippet()).isEmpty();
    assertThat(hit.highlights()).isEmpty();
  }

  @Test
  void aWindowNeverEndsOrStartsInsideAnEmoji() throws Exception {
    String emoji = "\uD83D\uDE00";
    for (int before = 215; before <= 222; before++) {
      String body = "B".repeat(before) + emoji.repeat(10) + " tail zeppelin." + " more".repeat(60);
      for (String query : List.of("title:page", "zeppelin")) {
        String snippet = onlyHit(body, query).snippet();
        for (int i = 0; i < snippet.length(); i++) {
          char c = snippet.charAt(i);
          boolean paired = Character.isHighSurrogate(c)
              ? i + 1 < snippet.length() && Character.isLowSurrogate(snippet.charAt(i + 1))
              : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(snippet.charAt(i - 1));
          assertThat(paired).as("char %d of %s (%d Bs, %s)", i, snippet, before, query).isTrue();
        }
      }
    }
  }

  private SearchHit onlyHit(String body, String query) throws InvalidQueryException {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(
          new IndexedPage("https://h/p", "h", "A page", List.of(), body, "", 0, 200, "en", 0));
      index.commit(Map.of());
    }
    try (PageSearcher searcher = PageSearcher.open(dir)) {
      List<SearchHit> hits = searcher.search(query, 10).hits();
      assertThat(hits).hasSize(1);
      return hits.get(0);
    }
  }

  private static void assertHighlightsRead(SearchHit hit, String... words) {
    assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end()))
        .containsExactly(words);
  }
}
