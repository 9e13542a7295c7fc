package dev.sitepulse.crawler.search.internal.snippets;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, the same sums in the same order, without the {@code BytesRefHash} that
 * {@link PassageScorer#score} builds per passage to tell its terms apart: each hash allocates a
 * 32 KB block, every sentence with a match is scored, and that was a quarter of a search's time.
 * A passage holds a handful of matches, so a scan of those before each one finds its first
 * occurrence as quickly.
 */
final class LeanPassageScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    BytesRef[] terms = passage.getMatchTerms();
    int matches = passage.getNumMatches();
    double score = 0d;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      // Summed in order of first occurrence, as the hash numbers terms, so scores are the same.
      score += tf(inPassage, passage.getLength()) * weight(contentLength, passage.getMatchTermFreqsInDoc()[i]);
    }
    return (float) (score * norm(passage.getStartOffset()));
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
