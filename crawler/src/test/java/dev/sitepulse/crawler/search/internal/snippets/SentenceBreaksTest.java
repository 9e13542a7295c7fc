package dev.sitepulse.crawler.search.internal.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private final SentenceBreaks breaks = new SentenceBreaks();

  @Test
  void sentencesEndAtATerminatorFollowedByWhitespace() {
    breaks.setText("One. Two? os.path stays whole!\nThree Four");

    assertThat(breaks.first()).isZero();
    assertThat(breaks.next()).isEqualTo(4);
    assertThat(breaks.next()).isEqualTo(9);
    assertThat(breaks.next()).isEqualTo(30);
    assertThat(breaks.next()).isEqualTo(41);
    assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
  }

  @Test
  void aHeadingsNumberAtASentencesStartEndsNoSentence() {
    breaks.setText("1. Whetting Your Appetite If you work. 5.1. More on Lists It came in 2019. Next 3.");

    assertThat(breaks.first()).isZero();
    assertThat(breaks.next()).as("after work.").isEqualTo(38);
    assertThat(breaks.next()).as("after 2019., a number that ends one").isEqualTo(74);
    assertThat(breaks.next()).isEqualTo(82);
    assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
  }

  @Test
  void followingAndPrecedingFindTheNeighbouringBoundaries() {
    breaks.setText("One. Two. Three.");

    assertThat(breaks.following(0)).isEqualTo(4);
    assertThat(breaks.following(4)).isEqualTo(9);
    assertThat(breaks.preceding(9)).isEqualTo(4);
    assertThat(breaks.preceding(6)).isEqualTo(4);
    assertThat(breaks.preceding(3)).isZero();
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.following(16)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isEqualTo(16);
  }

  @Test
  void textWithoutTerminatorsIsOneSentence() {
    breaks.setText("no sentence end here");

    assertThat(breaks.following(3)).isEqualTo(20);
    assertThat(breaks.preceding(20)).isZero();
    assertThat(breaks.last()).isEqualTo(20);
    assertThat(breaks.previous()).isZero();
  }

  @Test
  void previousWalksBackThroughEveryBoundaryToTheStart() {
    breaks.setText("One. Two. Three.");

    assertThat(breaks.last()).isEqualTo(16);
    assertThat(breaks.previous()).isEqualTo(9);
    assertThat(breaks.previous()).isEqualTo(4);
    assertThat(breaks.previous()).isZero();
    assertThat(breaks.previous()).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isZero();
  }

  @Test
  void nextOfNMovesThatManyBoundariesEitherWay() {
    breaks.setText("One. Two. Three. Four.");
    breaks.first();

    assertThat(breaks.next(2)).isEqualTo(9);
    assertThat(breaks.next(0)).isEqualTo(9);
    assertThat(breaks.next(-1)).isEqualTo(4);
    assertThat(breaks.next(-2)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.next(9)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isEqualTo(22);
  }

  @Test
  void precedingAndFollowingAgreeWithTheBoundariesNextFindsAtEveryOffset() {
    for (String text : List.of("One. Two. Three.", "! Ready? Go.", "No end", "Trailing.  ")) {
      breaks.setText(text);
      List<Integer> boundaries = new ArrayList<>();
      for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
        boundaries.add(b);
      }
      for (int offset = 0; offset <= text.length(); offset++) {
        int at = offset;
        int after = boundaries.stream().filter(b -> b > at).findFirst().orElse(BreakIterator.DONE);
        int before = boundaries.stream().filter(b -> b < at).reduce((a, b) -> b).orElse(BreakIterator.DONE);
        assertThat(breaks.following(offset)).as("following(%d) in %s", offset, text).isEqualTo(after);
        assertThat(breaks.preceding(offset)).as("preceding(%d) in %s", offset, text).isEqualTo(before);
      }
    }
  }

  @Test
  void anOffsetOutsideTheTextIsRefused() {
    breaks.setText("One. Two.");

    assertThatThrownBy(() -> breaks.following(-1)).isExactlyInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> breaks.following(10)).isExactlyInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> breaks.preceding(-1)).isExactlyInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> breaks.preceding(10)).isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCharacterIteratorsTextIsCopiedFromItsStartAndReadBackWhole() {
    breaks.setText("Something else entirely. Longer.");
    breaks.next();

    StringCharacterIterator oneTwo = new StringCharacterIterator("One. Two.");
    oneTwo.setIndex(5); // read on: the copy still starts at the text's start
    breaks.setText(oneTwo);

    assertThat(breaks.current()).isZero();
    assertThat(breaks.next()).isEqualTo(4);
    assertThat(breaks.last()).isEqualTo(9);
    StringBuilder back = new StringBuilder();
    CharacterIterator text = breaks.getText();
    for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
      back.append(c);
    }
    assertThat(back).hasToString("One. Two.");
  }
}
