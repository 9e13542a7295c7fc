package dev.sitepulse.crawler.search.internal.correction;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.SurfaceForms;
import dev.sitepulse.crawler.search.internal.query.Correction;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.util.BytesRef;

/**
 * "Did you mean": a query with each word that no page has replaced by the nearest word that pages
 * do have, as a docs site's own search offers for {@code asyncoi}. The terms dictionary holds
 * stems, so the typed word is analyzed to its stem, the stems near it found ({@link NearStems}),
 * and each written as the pages write it ({@link WrittenWords}): dictionry becomes dictionary,
 * never dictionari. Of those, the word fewest edits from the typed one wins, and among equals the
 * one on more pages. Only the words {@link CorrectableWords} names change, in a quoted phrase too;
 * the rest of the query stays as typed, quotes included, so the suggestion can be pasted.
 */
public final class DidYouMean {
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
  /** The letters at a word's end where a slip can change what the stemmer strips: "ization" is 7. */
  private static final int ENDING = 7;
  /** The text fields a word without one is searched in, the body first: it has nearly every word. */
  private static final List<String> KNOWN_IN =
      List.of(PageFields.BODY, PageFields.TITLE, PageFields.HEADINGS, PageFields.DESCRIPTION);

  private final DirectoryReader reader;
  private final Analyzer analyzer;
  private final WrittenWords writtenWords;

  private record Token(String stem, int start, int end) {}

  /** A written word that could replace the typed one. */
  private record Choice(String written, int edits, int pages) {}

  private static final Comparator<Choice> BEST_FIRST = Comparator.comparingInt(Choice::edits)
      .thenComparing(Comparator.comparingInt(Choice::pages).reversed())
      .thenComparing(Choice::written);

  public DidYouMean(DirectoryReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
    this.writtenWords = new WrittenWords(reader, analyzer);
  }

  /**
   * A correction for each correctable word of {@code query} that no page has and that has one, in
   * the order they stand in it; none when no such word has one.
   */
  List<Correction> corrections(String query) throws IOException {
    List<Correction> corrected = new ArrayList<>();
    int lookups = 0;
    // A pasted paragraph names most words many times: each is looked up once.
    Map<String, Boolean> known = new HashMap<>();
    Map<String, String> corrections = new HashMap<>();
    Map<String, List<Token>> analyzed = new HashMap<>();
    Map<String, TermsEnum> enums = new HashMap<>();
    for (QueryWords.Word word : CorrectableWords.in(query)) {
      String typed = word.text();
      List<Token> tokens = analyzed.get(word.field() + " " + typed);
      if (tokens == null) {
        tokens = tokens(word.field(), typed);
        analyzed.put(word.field() + " " + typed, tokens);
      }
      // One typed word may be several (per-widgte): each is corrected in place.
      for (Token token : tokens) {
        // A number no page has (an error code, a version) is no typo of another number; a word too
        // short or too long to correct (a CJK character is a word of one) must not use up a lookup.
        if (token.stem().codePoints().noneMatch(Character::isLetter) || !NearStems.correctable(token.stem())
            || known.computeIfAbsent(word.field() + " " + token.stem(), k -> inIndex(enums, word.field(), token.stem()))) {
          continue;
        }
        String slipped = typed.substring(token.start(), token.end());
        String key = word.field() + " " + slipped;
        if (!corrections.containsKey(key)) {
          if (++lookups > MAX_LOOKUPS) {
            return corrected;
          }
          corrections.put(key, correction(word.field() == null ? LOOKED_UP : List.of(word.field()), token.stem(), slipped, enums));
        }
        String written = corrections.get(key);
        if (written != null) {
          corrected.add(new Correction(word.start() + token.start(), word.start() + token.end(),
              QueryParserBase.escape(written)));
        }
      }
    }
    return corrected;
  }

  /** The nearest word the pages write for a stem near {@code stem}, in the case of {@code typed}; null for none. */
  private String correction(Collection<String> fields, String stem, String typed, Map<String, TermsEnum> enums)
      throws IOException {
    Choice best = best(NearStems.of(reader, fields, stem, MAX_EDITS), typed, null);
    // A slip that changes what the stemmer strips (configuratoin, exceptionn) leaves a stem far from
    // the word's: the stems of the words one slip from the typed one are looked up too.
    best = best(slips(fields, typed, enums), typed, best);
    // A typo in the ending that the stemmer strips: only then are the cut stems worth their
    // lookups, and one edit from them is enough (decora is one from decor).
    if (best == null || best.edits() > 1) {
      for (String cut : NearStems.cuts(stem)) {
        best = best(NearStems.of(reader, fields, cut, 1), typed, best);
      }
    }
    return best == null ? null : inCaseOf(typed, best.written());
  }

  /**
   * The stems, in any of {@code fields}, of the words one letter dropped, two neighbours swapped or
   * one letter (a to z) added away from {@code typed} in its last {@value #ENDING} letters, each
   * with how many pages have it. A slip before the ending leaves what the stemmer strips as it was,
   * and the stem near the word's, for NearStems to find. The first letter stays, as it does in
   * NearStems: in a short word the ending reaches it, and email is no slip of mail (e-mail) nor
   * rgparse of argparse.
   */
  private Map<String, Integer> slips(Collection<String> fields, String typed, Map<String, TermsEnum> enums)
      throws IOException {
    int[] letters = typed.toLowerCase(Locale.ROOT).codePoints().toArray();
    int from = Math.max(1, letters.length - ENDING);
    Set<String> variants = new HashSet<>();
    for (int i = from; i < letters.length; i++) {
      variants.add(new String(letters, 0, i) + new String(letters, i + 1, letters.length - i - 1));
      if (i + 1 < letters.length) {
        int[] swapped = letters.clone();
        swapped[i] = letters[i + 1];
        swapped[i + 1] = letters[i];
        variants.add(new String(swapped, 0, swapped.length));
      }
    }
    for (int i = from; i <= letters.length; i++) {
      String before = new String(letters, 0, i);
      String after = new String(letters, i, letters.length - i);
      for (char c = 'a'; c <= 'z'; c++) {
        variants.add(before + c + after);
      }
    }
    Map<String, Integer> stems = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (String variant : variants) {
      List<Token> tokens = tokens(null, variant);
      if (tokens.size() == 1 && seen.add(tokens.get(0).stem())) {
        BytesRef stem = new BytesRef(tokens.get(0).stem());
        for (String field : fields) {
          TermsEnum terms = termsOf(enums, field);
          if (terms != null && terms.seekExact(stem)) {
            stems.merge(tokens.get(0).stem(), terms.docFreq(), Math::max);
          }
        }
      }
    }
    return stems;
  }

  /** The best of {@code sofar} and the written words of the {@code near} stems close enough to {@code typed}. */
  private Choice best(Map<String, Integer> near, String typed, Choice sofar) throws IOException {
    Choice best = sofar;
    for (Map.Entry<String, Integer> stem : near.entrySet()) {
      String written = writtenWords.nearest(stem.getKey(), typed);
      if (written == null || written.codePoints().anyMatch(DidYouMean::isInvisible)) {
        continue; // a page's bidi override or zero-width character must not reach a terminal
      }
      if (!sameDigits(typed, written) || written.codePoints().noneMatch(Character::isLetter)) {
        continue; // numbers are never corrected, in a word either: python313 is no python3.3, 1e10 no 1.10
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

  /** Whether both have the same digits, in any order: digits may swap places (sha265), no more. */
  static boolean sameDigits(String typed, String written) {
    return Arrays.equals(typed.codePoints().filter(Character::isDigit).sorted().toArray(),
        written.codePoints().filter(Character::isDigit).sorted().toArray());
  }

  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.CONTROL;
  }

  /**
   * Whether some page has {@code stem} in {@code field}, or in any text field for null, the body
   * first, as it has nearly every word. Each field's terms are read by one enum per query.
   */
  private boolean inIndex(Map<String, TermsEnum> enums, String field, String stem) {
    try {
      BytesRef term = new BytesRef(stem);
      for (String f : field == null ? KNOWN_IN : List.of(field)) {
        TermsEnum terms = termsOf(enums, f);
        if (terms != null && terms.seekExact(term)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query's one enum over {@code field}'s terms in every segment; null when no page has the field. */
  private TermsEnum termsOf(Map<String, TermsEnum> enums, String field) throws IOException {
    if (!enums.containsKey(field)) {
      Terms all = MultiTerms.getTerms(reader, field);
      enums.put(field, all == null ? null : all.iterator());
    }
    return enums.get(field);
  }

  /** The stems of {@code typed}, each with where it stands in it: none for a stop word. */
  private List<Token> tokens(String field, String typed) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field == null ? PageFields.BODY : field, typed)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (position.getPositionIncrement() == 0) { // café's cafe: the word as typed came first
          continue;
        }
        int start = offset.startOffset();
        // The word is compared and replaced without its 's, which stays as typed (Pyhton's is Python's).
        int end = start + SurfaceForms.withoutPossessive(typed.substring(start, offset.endOffset())).length();
        tokens.add(new Token(term.toString(), start, end));
      }
      stream.end();
    }
    return tokens;
  }
}
