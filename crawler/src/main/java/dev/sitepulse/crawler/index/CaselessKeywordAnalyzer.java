package dev.sitepulse.crawler.index;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;

/**
 * A whole value as one term, lower-cased, for values that are case-insensitive by definition: host
 * names and language tags. The index holds them lower-cased, so {@code host:Docs.Python.org} and
 * {@code lang:EN} find what {@code host:docs.python.org} and {@code lang:en} do; a prefix or
 * wildcard is lower-cased too ({@link #normalize}). A language tag's {@code _} is read as the
 * {@code -} that BCP 47 writes and the index holds ({@code lang:en_GB} is {@code lang:en-gb}).
 */
final class CaselessKeywordAnalyzer extends Analyzer {
  private static final Pattern UNDERSCORE = Pattern.compile("_");

  CaselessKeywordAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY); // the components differ by field: host's must not serve lang
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer whole = new KeywordTokenizer();
    return new TokenStreamComponents(whole, normalize(fieldName, whole));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream lower = new LowerCaseFilter(in);
    return PageFields.LANG.equals(fieldName) ? new PatternReplaceFilter(lower, UNDERSCORE, "-", true) : lower;
  }

  /** The form the index holds a language tag in, as a query's passes through this analyzer. */
  static String languageTag(String written) {
    return written.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
