package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rewrites each token in Unicode's compatibility form (NFKC), as Lucene's ICUNormalizer2Filter
 * would without ICU's 13 MB: a page's full-width ｗｏｒｄ, its ligatures and its accents written
 * as combining marks index as the letters a query types. A token filter, not a char filter, so
 * that offsets stay those of the page's own text and snippets show it as written.
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
    if (!isAscii(term) && !Normalizer.isNormalized(term, Normalizer.Form.NFKC)) {
      String normal = Normalizer.normalize(term, Normalizer.Form.NFKC);
      term.setEmpty().append(normal);
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
}
