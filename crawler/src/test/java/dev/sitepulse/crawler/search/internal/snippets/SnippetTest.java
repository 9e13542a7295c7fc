package dev.sitepulse.crawler.search.internal.snippets;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetTest {
  /** One character to a reader, two chars to Java: a window must not split it. */
  private static final String EMOJI = "\uD83D\uDE00";
  private static final String LOREM = "lorem ipsum dolor sit amet ";
  /** Words enough to make a sentence longer than a snippet's window. */
  private static final String LONG_FILLER = LOREM.repeat(40);

  @TempDir Path dir;

  @Test
  void aLongSentenceIsCutToAWindowAroundTheMatchAtWordBoundaries() throws Exception {
    String filler = LOREM.repeat(200);
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
    assertSnippet(body, "zeppelin", "Zeppelins fly slowly. … The last zeppelin landed in 1940.", "Zeppelins",
        "zeppelin");
  }

  @Test
  void newlinesInTheBodyBecomeSpacesWithoutShiftingOffsets() throws Exception {
    assertSnippet("Airships\nand\tzeppelins\nfly", "zeppelins", "Airships and zeppelins fly", "zeppelins");
  }

  @Test
  void aPageWithoutBodyTextHasAnEmptySnippet() throws Exception {
    assertSnippet("", "title:page", "");
    assertSnippet(" \n\t  ", "title:page", "");
  }

  @Test
  void aWindowNeverEndsOrStartsInsideAnEmoji() throws Exception {
    for (int before = 215; before <= 222; before++) {
      String body = "B".repeat(before) + EMOJI.repeat(10) + " tail zeppelin." + " more".repeat(60);
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

  @Test
  void neighbouringSentencesThatBothMatchReadOnWithASpace() throws Exception {
    assertSnippet("Zeppelins fly slowly. The zeppelin landed.", "zeppelin",
        "Zeppelins fly slowly. The zeppelin landed.", "Zeppelins", "zeppelin");
  }

  @Test
  void aMatchingSentenceAfterTheFirstStartsWithoutAnEllipsis() throws Exception {
    assertSnippet("Nothing to see here. The zeppelin landed.", "zeppelin", "The zeppelin landed.", "zeppelin");
  }

  @Test
  void aMatchNearTheStartOfALongSentenceShowsTheSentencesStart() throws Exception {
    String body = "The zeppelin lands " + LONG_FILLER + "end.";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet()).startsWith("The zeppelin lands lorem").endsWith(" …");
    assertThat(body).as("cut between words").startsWith(hit.snippet().substring(0, hit.snippet().length() - 2) + " ");
    assertThat(hit.snippet().length() - 2).isLessThanOrEqualTo(SnippetFormatter.MAX_PASSAGE_CHARS);
    assertHighlightsRead(hit, "zeppelin");
  }

  @Test
  void aMatchNearTheEndOfALongSentenceShowsTheSentencesEnd() throws Exception {
    String body = LONG_FILLER + "the zeppelin lands.";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet()).startsWith("… ").endsWith("amet the zeppelin lands.");
    assertThat(body).as("cut between words").endsWith(" " + hit.snippet().substring(2));
    assertThat(hit.snippet().length() - 2).isLessThanOrEqualTo(SnippetFormatter.MAX_PASSAGE_CHARS);
    assertHighlightsRead(hit, "zeppelin");
  }

  @Test
  void aSentenceCutShortBeforeItsNeighbourIsFollowedByItWithoutASecondEllipsis() throws Exception {
    String body = "The zeppelin lands " + LONG_FILLER + "end. Zeppelins fly.";
    String snippet = onlyHit(body, "zeppelin").snippet();

    assertThat(snippet).startsWith("The zeppelin lands").endsWith(" … Zeppelins fly.").doesNotContain("… …");
  }

  @Test
  void aSentenceCutShortAfterItsNeighbourIsJoinedToItByAnEllipsis() throws Exception {
    String body = "Zeppelins fly. " + LONG_FILLER + "the zeppelin lands.";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet()).startsWith("Zeppelins fly. … ").endsWith(" the zeppelin lands.");
    assertHighlightsRead(hit, "Zeppelins", "zeppelin");
  }

  @Test
  void whiteSpaceAtTheEndOfTheBodyIsTrimmedNotCut() throws Exception {
    assertSnippet("Zeppelins fly slowly \n\t ", "zeppelin", "Zeppelins fly slowly", "Zeppelins");
  }

  @Test
  void aWindowStartingInsideAnEmojiStepsBackToTakeItWhole() throws Exception {
    // The match at char 200: the window starts 55 chars before it, inside the 73rd emoji.
    String body = EMOJI.repeat(100) + "zeppelin" + " more".repeat(60) + ".";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet()).startsWith("… " + EMOJI.repeat(28) + "zeppelin more");
    assertHighlightsRead(hit, "zeppelin");
  }

  @Test
  void aWindowEndingInsideAnEmojiEndsBeforeIt() throws Exception {
    String body = "B".repeat(SnippetFormatter.MAX_PASSAGE_CHARS - 1) + EMOJI.repeat(10) + " more".repeat(60) + ".";

    assertThat(onlyHit(body, "title:page").snippet()).isEqualTo("B".repeat(SnippetFormatter.MAX_PASSAGE_CHARS - 1) + " …");
  }

  @Test
  void aMatchStartingWhereTheWindowEndsIsNotHighlighted() throws Exception {
    // No space to cut at: the window ends at its 220 chars, where the second match starts.
    String body = "zeppelin" + "-".repeat(SnippetFormatter.MAX_PASSAGE_CHARS - 8) + "zeppelin" + " more".repeat(60) + ".";
    SearchHit hit = onlyHit(body, "zeppelin");

    assertThat(hit.snippet()).startsWith("zeppelin---").endsWith("- …");
    assertHighlightsRead(hit, "zeppelin");
  }

  @Test
  void matchesThatTouchReadAsOneHighlight() throws Exception {
    // Each ideograph is a word of its own. Typed apart and out of order they are no phrase, which
    // would be one match: two matches, side by side.
    assertSnippet("我们看见飞艇了", "艇 飞", "我们看见飞艇了", "飞艇");
  }

  @Test
  void aSentenceThePageRepeatsIsShownOnceBesideTheNextBestOne() throws Exception {
    String repeated = "If indent is a positive integer, members are pretty-printed with that indent. ";
    String body = "The dump function writes JSON. " + repeated + "Filler one. Filler two. Filler three. "
        + "The dumps function returns JSON. " + repeated + "Filler four. Filler five. "
        + "An indent of zero inserts newlines only.";

    assertSnippet(body, "indent",
        "If indent is a positive integer, members are pretty-printed with that indent. … An indent of zero"
            + " inserts newlines only.",
        "indent", "indent", "indent");
  }

  @Test
  void aPageThatSaysOneMatchingSentenceTwiceShowsItOnce() throws Exception {
    String body = "The zeppelin lands at noon. Nothing else here. The zeppelin lands at noon.";

    assertSnippet(body, "zeppelin", "The zeppelin lands at noon.", "zeppelin");
  }

  private SearchHit onlyHit(String body, String query) throws InvalidQueryException {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/p").title("A page").body(body).build());
      index.commit(Map.of());
    }
    try (PageSearcher searcher = PageSearcher.open(dir)) {
      List<SearchHit> hits = searcher.search(query, 10).hits();
      assertThat(hits).hasSize(1);
      return hits.get(0);
    }
  }

  private void assertSnippet(String body, String query, String snippet, String... highlighted)
      throws InvalidQueryException {
    SearchHit hit = onlyHit(body, query);

    assertThat(hit.snippet()).isEqualTo(snippet);
    assertHighlightsRead(hit, highlighted);
  }

  private static void assertHighlightsRead(SearchHit hit, String... words) {
    assertThat(hit.highlights())
        .extracting(h -> hit.snippet().substring(h.start(), h.end()))
        .containsExactly(words);
  }
}
