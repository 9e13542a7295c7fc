package dev.sitepulse.crawler.search.internal.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {

  private static final String[] WORDS = {"asyncio", "event", "loop", "task", "run"};

  @Test
  void scoresEveryPassageExactlyAsLucenesScorerDoes() {
    Random random = new Random(42);
    PassageScorer lucene = new PassageScorer();
    LeanPassageScorer lean = new LeanPassageScorer();
    for (int round = 0; round < 5_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(50_000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 1_000); // matches must fall inside it
      int offset = start;
      for (int m = random.nextInt(12); m > 0; m--) {
        String word = WORDS[random.nextInt(WORDS.length)];
        // A term's frequency in the document is the same at each of its matches.
        passage.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + word.length() * 7);
        offset += word.length() + 1 + random.nextInt(40);
      }
      int contentLength = offset + random.nextInt(100_000);

      assertThat(lean.score(passage, contentLength)).isEqualTo(lucene.score(passage, contentLength));
    }
  }
}
