package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.format.DisplayWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortenedTest {

  @Test
  void textThatFitsIsLeftAsItIs() {
    assertThat(Shortened.of("asyncio", 7)).isEqualTo("asyncio");
  }

  @Test
  void longerTextEndsInAnEllipsisWithinTheLength() {
    assertThat(Shortened.of("asyncio event loop", 10)).isEqualTo("asyncio e…");
  }

  @Test
  void aCellIsCutToTheColumnsATerminalGivesItWideCharactersCountingTwo() {
    assertThat(Shortened.columns("日本語のページ", 14)).isEqualTo("日本語のページ");
    assertThat(Shortened.columns("日本語のページ", 9)).isEqualTo("日本語の…");
    assertThat(Shortened.columns("a\nb" + "c".repeat(100), 10)).isEqualTo("a bcccccc…");
  }

  @Test
  void aCutNeverSplitsAnEmojiInHalf() {
    String cut = Shortened.of("ab\uD83D\uDE80cdef", 4);

    assertThat(cut).isEqualTo("ab…");
    assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
  }

  @Test
  void aCellIsNeverCutInsideAnEmojiSequenceOrAFlag() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧, one character
    String france = "\uD83C\uDDEB\uD83C\uDDF7"; // 🇫🇷, two regional indicators
    String text = "ab" + family + france + france + "cd";
    List<String> whole = List.of("", "a", "ab", "ab" + family, "ab" + family + france,
        "ab" + family + france + france, "ab" + family + france + france + "c");

    for (int columns = 1; columns < DisplayWidth.of(text); columns++) {
      String cut = Shortened.columns(text, columns);
      assertThat(cut).endsWith("…");
      assertThat(whole).as("cut at %d columns: %s", columns, cut).contains(cut.substring(0, cut.length() - 1));
    }
    for (int max = 2; max < text.length(); max++) {
      String cut = Shortened.of(text, max);
      assertThat(whole).as("cut at %d chars: %s", max, cut).contains(cut.substring(0, cut.length() - 1));
    }
  }

  @Test
  void aLineHasEachRunOfBlanksAndControlCharactersAsOneSpace() {
    assertThat(Shortened.line("  Broken\n\tlink \u001b[31mred\u001b[0m  ")).isEqualTo("Broken link [31mred [0m");
    assertThat(Shortened.line("Evil\u009B2J\u0085title")).isEqualTo("Evil 2J title");
    assertThat(Shortened.line(null)).isEmpty();
  }

  @Test
  void aBidirectionalOverrideCannotTurnTheRestOfTheLineAround() {
    // U+202E would show "moc.elpmaxe" after a title, and the URL behind it reversed too.
    assertThat(Shortened.line("Docs\u202Egpj.exe\u2066x\u2069")).isEqualTo("Docs gpj.exe x");
  }

  @Test
  void aLineSeparatorOrARightToLeftMarkInATitleIsBlankedAsTheOverridesAre() {
    assertThat(Shortened.title("Docs\u2028Home\u200F (1)\u200E\u061C")).isEqualTo("Docs Home (1)");
  }

  @Test
  void aTitleIsOneLineOfAtMost120Characters() {
    String title = Shortened.title("Python\n" + "x".repeat(200));

    assertThat(title).startsWith("Python x").endsWith("…").hasSize(120);
  }

  @Test
  void aPageWithoutATitleSaysSo() {
    assertThat(Shortened.title(null)).isEqualTo("(no title)");
    assertThat(Shortened.title(" \n ")).isEqualTo("(no title)");
  }
}
