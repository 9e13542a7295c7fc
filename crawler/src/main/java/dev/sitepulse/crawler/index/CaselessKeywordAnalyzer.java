package dev.sitepulse.crawler.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;

/**
 * A whole value as one term, lower-cased, for values that are case-insensitive by definition: host
 * names and language tags. The index holds them lower-cased, so {@code host:Docs.Python.org} and
 * {@code lang:EN} find what {@code host:docs.python.org} and {@code lang:en} do; a prefix or
 * wildcard is lower-cased too ({@link #normalize}).
 */
final class CaselessKeywordAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer whole = new KeywordTokenizer();
    return new TokenStreamComponents(whole, new LowerCaseFilter(whole));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
