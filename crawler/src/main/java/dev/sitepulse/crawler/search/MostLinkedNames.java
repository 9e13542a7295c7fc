package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.LinkedNames;
import dev.sitepulse.crawler.index.PageFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks higher the definition that many pages link to by a name the query has, as web engines
 * weigh anchor text ({@link LinkedNames}): on the Python docs 56 pages link to the builtin
 * {@code open()} as "open()", and it came 46th for "open file", below pages that say "file" more
 * often, on a page that documents sixty other builtins too; {@code object.__init__}, which seven
 * pages link to, came third for "__init__" after two classes' own, linked two and three times.
 *
 * <p>Of a page's sections, the one linked most by the query's words counts: each name linked
 * counts as many pages as link to it by that name, times the cube of the share of the query it
 * names, words weighted by their rarity in the text (BM25's idf). That sum n multiplies the score
 * by (1 + n)^{@value #EXPONENT}: with the 56 pages that link "open()", the builtin's score for
 * "open file" goes from 15.2 to 26.2, second. The section counts for the whole page, whichever
 * section the hit links to. A page whose crawl did not end, or indexed before this version, has
 * no linked names and keeps its score.
 */
final class MostLinkedNames extends PageFactor {
  static final double EXPONENT = 0.15;

  /** The query's words as typed, lower-cased, and the share of the query each is. */
  private final Map<String, Double> shares;

  private MostLinkedNames(Map<String, Double> shares) {
    this.shares = shares;
  }

  /** The weighting for the plain words of {@code query} in the default fields; null when it has none. */
  static MostLinkedNames of(String query, Analyzer analyzer, IndexReader reader) throws IOException {
    Map<String, Double> idf = new LinkedHashMap<>();
    int docs = Math.max(1, reader.numDocs());
    for (QueryWords.Word typed : QueryWords.of(query)) {
      // Words of the default fields only: title:(event loop) and -word ask for no name.
      if (typed.field() != null || typed.kind() != QueryWords.Kind.PLAIN || typed.excluded()) {
        continue;
      }
      String word = typed.text();
      String term = firstTerm(analyzer, word);
      if (term != null) {
        int df = reader.docFreq(new Term(PageFields.BODY, term));
        idf.putIfAbsent(word.toLowerCase(Locale.ROOT), Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
      }
    }
    double all = idf.values().stream().mapToDouble(Double::doubleValue).sum();
    if (all <= 0) {
      return null;
    }
    Map<String, Double> shares = new HashMap<>();
    idf.forEach((word, weight) -> shares.put(word, weight / all));
    return new MostLinkedNames(Map.copyOf(shares));
  }

  private static String firstTerm(Analyzer analyzer, String word) throws IOException {
    try (TokenStream tokens = analyzer.tokenStream(PageFields.BODY, word)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      String first = tokens.incrementToken() ? term.toString() : null;
      while (tokens.incrementToken()) {
        // drained, as the contract asks
      }
      tokens.end();
      return first;
    }
  }

  /** {@code query} with each page's score multiplied by its factor. */
  Query weighted(Query query) {
    return FunctionScoreQuery.boostByValue(query, this);
  }

  /** The factor of a page whose linked names are {@code value}. */
  double factor(BytesRef value) {
    if (value.length == 0) {
      return 1;
    }
    Map<String, Double> sections = new HashMap<>();
    for (LinkedNames.Line line : LinkedNames.decode(value)) {
      for (String form : line.forms()) {
        Double share = shares.get(form);
        if (share != null) {
          sections.merge(line.fragment(), line.pages() * share * share * share, Double::sum);
          break;
        }
      }
    }
    double best = sections.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return Math.pow(1 + best, EXPONENT);
  }

  @Override
  SegmentFactors factors(LeafReaderContext ctx) throws IOException {
    BinaryDocValues values = DocValues.getBinary(ctx.reader(), PageFields.LINKED_NAMES);
    return doc -> values.advanceExact(doc) ? factor(values.binaryValue()) : 1;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, PageFields.LINKED_NAMES);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MostLinkedNames that && shares.equals(that.shares);
  }

  @Override
  public int hashCode() {
    return Objects.hash(MostLinkedNames.class, shares);
  }

  @Override
  public String toString() {
    return "(1 + pages linking by " + shares.keySet() + ")^" + EXPONENT;
  }
}
