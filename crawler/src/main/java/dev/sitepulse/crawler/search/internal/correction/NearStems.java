package dev.sitepulse.crawler.search.internal.correction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * The stems in the index near a stem that no page has, found by Lucene's DirectSpellChecker in the
 * terms dictionary itself: no index of its own to build or keep in step.
 *
 * <p>Stemming hides a typo in a word's ending: the stemmer strips "-ation" from "configuration"
 * and nothing from "configuraton", whose stem is then four letters from "configur". So the stem
 * can also be looked up with its last one to three letters cut ({@link #cuts}): "configura" is one
 * edit from "configur", and "decor", cut from "decoratr", is a stem itself. Such candidates are
 * loose; {@link DidYouMean} keeps those whose written word is near the typed one.
 */
final class NearStems {
  /** Near stems kept per lookup; each costs its written forms to read. */
  private static final int PER_LOOKUP = 3;
  private static final int MAX_CUT = 3;
  /** DirectSpellChecker's shortest stem to correct: shorter ones are near too many words. */
  private static final int MIN_LENGTH = 4;
  /**
   * The longest: the lookup's cost grows with the length (on the Python docs, a 40-letter word
   * took about twice as long as a 24-letter one), and a longer word is more likely pasted than typed.
   */
  private static final int MAX_LENGTH = 32;

  private NearStems() {}

  /**
   * The stems at most {@code maxEdits} from {@code stem} in any of {@code fields}, {@code stem}
   * itself included, each with how many pages have it (in the field where most do).
   */
  static Map<String, Integer> of(IndexReader reader, Collection<String> fields, String stem, int maxEdits)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinQueryLength(MIN_LENGTH);
    checker.setMaxQueryLength(MAX_LENGTH);
    checker.setLowerCaseTerms(false); // the analyzer has lower-cased the stem
    Map<String, Integer> near = new HashMap<>();
    for (String field : fields) {
      Term term = new Term(field, stem);
      int pages = reader.docFreq(term);
      if (pages > 0) { // a cut stem can be a word's stem itself
        near.merge(stem, pages, Math::max);
        continue;
      }
      for (SuggestWord s : checker.suggestSimilar(term, PER_LOOKUP, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
        near.merge(s.string, s.freq, Math::max);
      }
    }
    return near;
  }

  /** Whether {@code stem} is long enough, and short enough, to be corrected at all. */
  static boolean correctable(String stem) {
    int length = stem.codePointCount(0, stem.length());
    return length >= MIN_LENGTH && length <= MAX_LENGTH;
  }

  /** The stem with its last one to {@value #MAX_CUT} letters cut, down to {@value #MIN_LENGTH}. */
  static List<String> cuts(String stem) {
    List<String> cuts = new ArrayList<>();
    int length = stem.codePointCount(0, stem.length());
    for (int cut = 1; cut <= MAX_CUT && length - cut >= MIN_LENGTH; cut++) {
      cuts.add(stem.substring(0, stem.offsetByCodePoints(0, length - cut)));
    }
    return cuts;
  }
}
