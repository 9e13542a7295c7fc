package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * "Did you mean": a query with each word that no page has replaced by the nearest word that pages
 * do have, as a docs site's own search offers for {@code asyncoi}. The terms dictionary holds
 * stems, so the typed word is analyzed to its stem, the stems near it found ({@link NearStems}),
 * and each written as the pages write it ({@link WrittenWords}): dictionry becomes dictionary,
 * never dictionari. Of those, the word fewest edits from the typed one wins, and among equals the
 * one on more pages. Only the words {@link CorrectableWords} names change; the rest of the query
 * stays as typed, so the suggestion can be pasted.
 */
final class DidYouMean {
  /**
   * A correction is at most two edits from the typed word (Lucene's most), and no more than 30% of
   * the shorter word's letters: one edit in a word of four letters or more, two in one of seven
   * or more. Lucene's default, half the letters, let two edits change a four-letter word.
   */
  private static final int MAX_EDITS = 2;
  private static final float ACCURACY = 0.7f;
  /**
   * Where a word searched in every text field is looked up: the body has nearly all words, headings
   * included, and a module's name may be in titles only (pathlib, on the page whose body says "this
   * module").
   */
  private static final List<String> LOOKED_UP = List.of(PageFields.BODY, PageFields.TITLE);
  /**
   * Most words looked up, each up to a few milliseconds: a pasted block that finds nothing can
   * have hundreds that no page has, and more than a few misspellings are no typo anyway.
   */
  private static final int MAX_LOOKUPS = 4;

  private final DirectoryReader reader;
  private final Analyzer analyzer;
  private final WrittenWords writtenWords;

  private record Token(String stem, int start, int end) {}

  /** A written word that could replace the typed one. */
  private record Choice(String written, int edits, int pages) {}

  private static final Comparator<Choice> BEST_FIRST = Comparator.comparingInt(Choice::edits)
      .thenComparing(Comparator.comparingInt(Choice::pages).reversed())
      .thenComparing(Choice::written);

  DidYouMean(DirectoryReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
    this.writtenWords = new WrittenWords(reader, analyzer);
  }

  /**
   * {@code query} with each correctable word that no page has replaced by its correction, the rest
   * as typed; null when no such word has one.
   */
  String correct(String query) throws IOException {
    StringBuilder corrected = new StringBuilder();
    int copied = 0;
    int lookups = 0;
    for (CorrectableWords.Word word : CorrectableWords.in(query)) {
      String typed = query.substring(word.start(), word.end());
      // One typed word may be several (per-widgte): each is corrected in place.
      for (Token token : tokens(word.field(), typed)) {
        // A number no page has (an error code, a version) is no typo of another number.
        if (token.stem().codePoints().noneMatch(Character::isLetter)
            || inIndex(word.field() == null ? PageQueryParser.TEXT_FIELDS : Set.of(word.field()), token.stem())) {
          continue;
        }
        if (++lookups > MAX_LOOKUPS) {
          return withRest(corrected, query, copied);
        }
        String written = correction(word.field() == null ? LOOKED_UP : List.of(word.field()), token.stem(),
            typed.substring(token.start(), token.end()));
        if (written != null) {
          corrected.append(query, copied, word.start() + token.start()).append(QueryParserBase.escape(written));
          copied = word.start() + token.end();
        }
      }
    }
    return withRest(corrected, query, copied);
  }

  /** The corrected query, with the rest of {@code query} from {@code copied} on; null when nothing was corrected. */
  private static String withRest(StringBuilder corrected, String query, int copied) {
    return copied == 0 ? null : corrected.append(query, copied, query.length()).toString();
  }

  /** The nearest word the pages write for a stem near {@code stem}, in the case of {@code typed}; null for none. */
  private String correction(Collection<String> fields, String stem, String typed) throws IOException {
    Choice best = best(NearStems.of(reader, fields, stem, MAX_EDITS), typed, null);
    // A typo in the ending that the stemmer strips: only then are the cut stems worth their
    // lookups, and one edit from them is enough (decora is one from decor).
    if (best == null || best.edits() > 1) {
      for (String cut : NearStems.cuts(stem)) {
        best = best(NearStems.of(reader, fields, cut, 1), typed, best);
      }
    }
    return best == null ? null : inCaseOf(typed, best.written());
  }

  /** The best of {@code sofar} and the written words of the {@code near} stems close enough to {@code typed}. */
  private Choice best(Map<String, Integer> near, String typed, Choice sofar) throws IOException {
    Choice best = sofar;
    for (Map.Entry<String, Integer> stem : near.entrySet()) {
      String written = writtenWords.nearest(stem.getKey(), typed);
      if (written == null || written.codePoints().anyMatch(DidYouMean::isInvisible)) {
        continue; // a page's bidi override or zero-width character must not reach a terminal
      }
      int edits = WrittenWords.edits(typed, written);
      int shorter = Math.min(typed.codePointCount(0, typed.length()), written.codePointCount(0, written.length()));
      Choice choice = new Choice(written, edits, stem.getValue());
      if (edits <= MAX_EDITS && 1f - (float) edits / shorter >= ACCURACY
          && (best == null || BEST_FIRST.compare(choice, best) < 0)) {
        best = choice;
      }
    }
    return best;
  }

  /**
   * {@code written} in the case of {@code typed}: lower, upper, or capitalized; a word of mixed
   * case keeps the page's (subprocess.Popne is subprocess.Popen).
   */
  private static String inCaseOf(String typed, String written) {
    boolean upper = typed.codePoints().anyMatch(Character::isUpperCase);
    boolean lower = typed.codePoints().anyMatch(Character::isLowerCase);
    if (!upper) {
      return written.toLowerCase(Locale.ROOT);
    }
    if (!lower) {
      return written.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.codePointAt(0)) && typed.codePoints().skip(1).noneMatch(Character::isUpperCase)) {
      String rest = written.toLowerCase(Locale.ROOT);
      int first = rest.offsetByCodePoints(0, 1);
      return rest.substring(0, first).toUpperCase(Locale.ROOT) + rest.substring(first);
    }
    return written;
  }

  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.CONTROL;
  }

  private boolean inIndex(Collection<String> fields, String stem) throws IOException {
    for (String field : fields) {
      if (reader.docFreq(new Term(field, stem)) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The stems of {@code typed}, each with where it stands in it: none for a stop word. */
  private List<Token> tokens(String field, String typed) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field == null ? PageFields.BODY : field, typed)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    }
    return tokens;
  }
}
