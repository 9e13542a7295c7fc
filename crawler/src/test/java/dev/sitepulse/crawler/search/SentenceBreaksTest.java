package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
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
}
