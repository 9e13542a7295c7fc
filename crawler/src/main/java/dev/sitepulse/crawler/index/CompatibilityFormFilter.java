package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rewrites each token in Unicode's compatibility form (NFKC), as Lucene's ICUNormalizer2Filter
 * would without ICU's 13 MB: a page's full-width ｗｏｒｄ, its ligatures and its accents written
 * as combining marks index as the letters a query types. Invisible format characters go, as
 * ICU's NFKC_Casefold drops them: the tokenizer keeps them inside a word, so a left-to-right mark
 * after an RTL page's English word, a word joiner, a byte-order mark or a bidi embedding made a
 * word no query types (override then U+202C, coop U+2060 eration). A token filter, not a
 * char filter, so that offsets stay those of the page's own text and snippets show it as written.
 */
final class CompatibilityFormFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  CompatibilityFormFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    // Nearly every token of most sites is ASCII, which NFKC leaves as it is.
    if (!isAscii(term)) {
      dropFormatCharacters(term);
      if (!Normalizer.isNormalized(term, Normalizer.Form.NFKC)) {
        String normal = Normalizer.normalize(term, Normalizer.Form.NFKC);
        term.setEmpty().append(normal);
      }
    }
    return true;
  }

  private static boolean isAscii(CharTermAttribute term) {
    char[] chars = term.buffer();
    for (int i = 0, length = term.length(); i < length; i++) {
      if (chars[i] >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes Unicode's format characters (Cf) in place, by code point (tags are supplementary); a
   * token of nothing else stays as it is: a prefix or fuzzy term, which this filter normalizes
   * too, must stay one token (U+202E then *).
   */
  private static void dropFormatCharacters(CharTermAttribute term) {
    char[] chars = term.buffer();
    int length = term.length();
    int kept = 0;
    for (int i = 0; i < length; ) {
      int c = Character.codePointAt(chars, i, length);
      int width = Character.charCount(c);
      if (Character.getType(c) != Character.FORMAT) {
        for (int k = 0; k < width; k++) {
          chars[kept++] = chars[i + k];
        }
      }
      i += width;
    }
    if (kept > 0) {
      term.setLength(kept);
    }
  }
}
