package dev.sitepulse.crawler.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A word with accents (or other letters that have an ASCII form: ß, æ, ø) as itself, then its
 * ASCII letters at the same place: {@code café} is café and cafe, so a query typed either way
 * finds it. Lucene's ASCIIFoldingFilter with preserveOriginal gives the same terms, but the folded
 * one first: what reads a word's first term at each place (a correction of the query, a prefix's
 * stem) would then take cafe for the café the query typed.
 */
final class AccentFoldingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private char[] folded = new char[64];
  private int foldedLength = -1; // the folded form still to give, or -1

  AccentFoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (foldedLength >= 0) {
      term.copyBuffer(folded, 0, foldedLength); // offsets and the rest stay the original's
      position.setPositionIncrement(0);
      foldedLength = -1;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    char[] chars = term.buffer();
    int length = term.length();
    for (int i = 0; i < length; i++) {
      if (chars[i] >= 0x80) { // nearly every token is ASCII, which has nothing to fold
        fold(chars, length);
        break;
      }
    }
    return true;
  }

  private void fold(char[] chars, int length) {
    int most = 4 * length; // the longest a folded form can be
    if (folded.length < most) {
      folded = new char[most];
    }
    int n = ASCIIFoldingFilter.foldToASCII(chars, 0, folded, 0, length);
    boolean same = n == length;
    for (int i = 0; same && i < n; i++) {
      same = folded[i] == chars[i];
    }
    foldedLength = same ? -1 : n; // a word of letters with no ASCII form (Greek, CJK) is one term
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    foldedLength = -1;
  }
}
