package dev.sitepulse.crawler.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Words added to a field at no position of their own: BM25 leaves overlapping terms out of a
 * field's length (discountOverlaps), so they match without making the field longer for every
 * other query. A title gets the parts of its dotted names this way: "request" finds
 * "urllib.request — URL handling modules" without that title ranking lower for "url".
 */
final class OverlaidWords extends TokenFilter {
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

  private OverlaidWords(TokenStream in) {
    super(in);
  }

  /**
   * The text's words as the page text analyzer makes them, overlaid; a new analyzer each time,
   * as a document is built on one thread and indexed on another, where a shared one's reused
   * stream could be reset under it.
   */
  static TokenStream of(String field, String text) {
    return new OverlaidWords(new PageTextAnalyzer().tokenStream(field, text));
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    position.setPositionIncrement(0);
    return true;
  }
}
