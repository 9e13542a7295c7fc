package dev.sitepulse.crawler.search.internal.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * What an analyzer makes of a text that is one word: its first term. A word with accents is two
 * terms at one place (café, then cafe), still one word; a second place makes it more than one.
 */
public final class OneWord {

  private OneWord() {}

  /** The word's term, or null for a stop word or a text of more than one word. */
  public static String of(Analyzer analyzer, String field, String text) {
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
      tokens.reset();
      String only = tokens.incrementToken() ? term.toString() : null;
      while (only != null && tokens.incrementToken()) {
        if (position.getPositionIncrement() > 0) {
          only = null;
        }
      }
      tokens.end();
      return only;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String reads no file
    }
  }
}
