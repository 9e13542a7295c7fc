package dev.sitepulse.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.Shortened;
import dev.sitepulse.crawler.search.Highlight;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTableTest {

  // "event loop" at 4-14, on two lines and with a stray escape character of the page's own
  private static final SearchHit HIT = new SearchHit("http://docs/loop.html", "The\nloop", 3.5f,
      "The event\nloop\u001b runs \u202E tasks", List.of(new Highlight(4, 9), new Highlight(10, 14)));

  @Test
  void onATerminalMatchesAreBoldAndThePagesOwnControlCharactersAreSpaces() {
    assertThat(snippetLine(true)).isEqualTo("    The \u001b[1mevent\u001b[0m \u001b[1mloop\u001b[0m runs tasks");
  }

  @Test
  void elsewhereMatchesAreInBracketsOnOneLine() {
    assertThat(snippetLine(false)).isEqualTo("    The [event] [loop] runs tasks");
  }

  @Test
  void theTitleIsOneLineToo() {
    assertThat(write(false).lines().findFirst()).hasValue(" 1. The loop  (3.50)");
  }

  @Test
  void theTitleLeavesOutTheNameItsSitePutsAfterEveryTitle() {
    SearchHit hit = new SearchHit("http://docs/os.html", "os — Operating system — Python docs", 1f, "", List.of(),
        null, false, "Python docs");

    assertThat(write(false, hit).lines().findFirst()).hasValue(" 1. os — Operating system  (1.00)");
  }

  @Test
  void aTitleLongerThan120CharactersIsCutWithAnEllipsisAndNeverInsideACharacter() {
    String cut = "a".repeat(118) + "\uD83D\uDE00";
    SearchHit longTitle = new SearchHit("http://docs/long.html", cut + "x".repeat(25_000), 1f, "", List.of());
    SearchHit exact = new SearchHit("http://docs/exact.html", "b".repeat(120), 1f, "", List.of());

    assertThat(write(false, longTitle, exact).lines().filter(l -> l.contains(". ")))
        .containsExactly(" 1. " + "a".repeat(118) + "…  (1.00)", " 2. " + "b".repeat(120) + "  (1.00)");
  }

  @Test
  void aQueryThatFoundNothingEndsWithTheCorrectedQueryInBoldOnATerminal() {
    SearchResults none = new SearchResults("asyncoi -deprecated", 0, List.of(), 1_000_000, "asyncio -deprecated");

    assertThat(write(none, true)).isEqualTo("0 of 0 hits for asyncoi -deprecated in 1.0 ms\n"
        + "did you mean: \u001b[1masyncio -deprecated\u001b[0m\n");
    assertThat(write(none, false)).endsWith("in 1.0 ms\ndid you mean: asyncio -deprecated\n");
  }

  @Test
  void aPastedQueryWithLineBreaksAndControlsGivesOneLineForTheCountAndOneForTheSuggestion() {
    SearchResults none = new SearchResults("asyncoi\r\nevnt\tloop\u001b[2J", 0, List.of(), 1_000_000,
        "asyncio\r\nevent\tloop\u001b[2J");

    assertThat(write(none, false)).isEqualTo("0 of 0 hits for asyncoi  evnt loop [2J in 1.0 ms\n"
        + "did you mean: asyncio  event loop [2J\n");
  }

  @Test
  void aPastedQueryOfThousandsOfCharactersIsCutInTheCountLineButWholeInTheSuggestion() {
    String pasted = "asyncio ".repeat(1250); // 10,000 characters
    SearchResults results = new SearchResults(pasted, 2, List.of(HIT), 1_000_000, pasted + "x");

    List<String> lines = write(results, false).lines().toList();
    assertThat(lines.get(lines.size() - 2)).isEqualTo("1 of 2 hits for " + Shortened.of(pasted, 200) + " in 1.0 ms")
        .hasSizeLessThan(240).contains("…");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("did you mean: " + pasted + "x");
  }

  @Test
  void aQueryWithOneHitCountsItInTheSingular() {
    assertThat(write(new SearchResults("title:installing", 1, List.of(HIT), 1_000_000), false))
        .endsWith("\n1 of 1 hit for title:installing in 1.0 ms\n");
    assertThat(write(new SearchResults("install", 2, List.of(HIT), 1_000_000), false))
        .endsWith("\n1 of 2 hits for install in 1.0 ms\n");
  }

  @Test
  void aLaterPageOfResultsNumbersItsHitsByRankAndCountsWhichRanksItShows() {
    SearchHit other = new SearchHit("http://docs/tasks.html", "Tasks", 2f, "", List.of());
    String page = write(new SearchResults("event loop", 30, List.of(HIT, other), 1_000_000, null, 10), false);

    assertThat(page.lines().filter(l -> l.contains(". "))).containsExactly("11. The loop  (3.50)", "12. Tasks  (2.00)");
    assertThat(page).endsWith("\n11-12 of 30 hits for event loop in 1.0 ms\n");
  }

  @Test
  void aPageOfResultsPastTheLastCountsNoneShown() {
    assertThat(write(new SearchResults("event loop", 30, List.of(), 1_000_000, null, 40), false))
        .isEqualTo("0 of 30 hits for event loop in 1.0 ms\n");
  }

  @Test
  void aQueryWithoutACorrectionEndsWithItsCount() {
    assertThat(write(new SearchResults("zzqxv", 0, List.of(), 1_000_000), false))
        .isEqualTo("0 of 0 hits for zzqxv in 1.0 ms\n");
  }

  private static String snippetLine(boolean ansi) {
    return write(ansi).lines().skip(2).findFirst().orElseThrow();
  }

  private static String write(boolean ansi, SearchHit... hits) {
    List<SearchHit> shown = hits.length == 0 ? List.of(HIT) : List.of(hits);
    return write(new SearchResults("event loop", shown.size(), shown, 1_000_000), ansi);
  }

  private static String write(SearchResults results, boolean ansi) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SearchTable.write(results, new PrintStream(bytes, true, StandardCharsets.UTF_8), ansi);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
