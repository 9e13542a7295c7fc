package dev.sitepulse.crawler.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * EnglishAnalyzer's chain (possessives, lower case, stop words, Porter stems) with the tokens
 * first put in Unicode's compatibility form ({@link CompatibilityFormFilter}), and a word with
 * accents also as its ASCII letters ({@link AccentFoldingFilter}): {@code café} is the terms café
 * and cafe at one place, so {@code cafe} finds it, and {@code café}, which is both terms, finds
 * cafe too but counts the page that writes café twice, first. For ASCII text it makes the same
 * terms as EnglishAnalyzer, so indexes written before it read the same; one written before the
 * folding still finds café by {@code café}, and by {@code cafe} once crawled again.
 */
final class PageTextAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new CompatibilityFormFilter(source);
    result = new EnglishPossessiveFilter(result);
    result = new LowerCaseFilter(result);
    result = new AccentFoldingFilter(result);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  /**
   * What a prefix or fuzzy query's term goes through: no stemming, as in EnglishAnalyzer, and no
   * folding, which must give one term: {@code café*} keeps its accent, which the index holds too
   * (and an index from before the folding only), and {@code cafe*} finds the folded terms.
   */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(new CompatibilityFormFilter(in));
  }
}
