package dev.sitepulse.crawler.search.internal.query;

import static dev.sitepulse.crawler.index.PageFields.BODY;
import static dev.sitepulse.crawler.index.PageFields.DESCRIPTION;
import static dev.sitepulse.crawler.index.PageFields.HEADINGS;
import static dev.sitepulse.crawler.index.PageFields.TITLE;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.internal.ranking.DefinitionQueries;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Classic Lucene syntax over the page fields. Bare terms search title, headings, description and
 * body, with a title match worth three body matches and a heading match two. The point fields
 * status and fetched_at, which the classic parser would treat as text and never match, take numbers
 * and ranges: {@code status:404}, {@code status:[500 TO *]} ({@link PointFields}). Not thread-safe:
 * make one per query.
 */
public final class PageQueryParser extends MultiFieldQueryParser {
  private static final String[] DEFAULT_FIELDS = {TITLE, HEADINGS, DESCRIPTION, BODY};
  /** The fields a query word is searched in by default: where a page says what it is about. */
  static final Set<String> TEXT_FIELDS = Set.of(DEFAULT_FIELDS);
  public static final Map<String, Float> BOOSTS =
      Map.of(TITLE, 3f, HEADINGS, 2f, DESCRIPTION, 1f, BODY, 1f);

  /** The classic grammar's operators written as words. */
  public static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
  /** What a query says besides its words: operators and field names. */
  private static final Pattern OPERATORS_AND_FIELDS = Pattern.compile("\\b(?:AND|OR|NOT)\\b|[\\p{L}\\p{N}_]+:");

  private String query = "";
  /** {@link CodeSpelling.Reading#paths}: dotted names the query typed as paths, to the paths. */
  private final Map<String, String> paths;
  /**
   * {@link dev.sitepulse.crawler.search.internal.ranking.DefinedNames#urlNamedWords}: plain words
   * that match the pages a URL names by them too.
   */
  private final Set<String> urlNamed;
  /** Whether the last parse read a URL's name, a field the query itself may not name. */
  private boolean readUrlName;

  PageQueryParser(Analyzer analyzer) {
    this(analyzer, Map.of(), Set.of());
  }

  /**
   * @param paths the dotted names the query typed as {@code ::} paths, each to the path as typed
   * @param urlNamed the query's plain words, lower-cased, that a URL names pages by
   *     ({@link dev.sitepulse.crawler.search.internal.ranking.DefinedNames#urlNamedWords})
   */
  public PageQueryParser(Analyzer analyzer, Map<String, String> paths, Set<String> urlNamed) {
    super(DEFAULT_FIELDS, analyzer, BOOSTS);
    this.paths = Map.copyOf(paths);
    this.urlNamed = Set.copyOf(urlNamed);
    // One word the analyzer splits (f-string, e-mail, utf-8) means its parts in that order. Words
    // are then split on whitespace first, which changes nothing without multi-word synonyms.
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
  }

  @Override
  public Query parse(String query) throws ParseException {
    this.query = query; // for placing a bad regular expression, which Lucene does not
    readUrlName = false;
    QueryPrescan.check(query);
    Query parsed;
    try {
      parsed = super.parse(query);
    } catch (IllegalArgumentException e) { // BoostQuery's own check, past the grammar
      throw QueryErrors.boostOutOfRange(query, e);
    }
    // Any word before a colon is a field to the classic parser: a typo (titel:x) or a bare URL
    // (https://…) would find nothing, and say nothing.
    for (String field : FieldsRead.of(parsed)) {
      boolean ownUrlName = readUrlName && field.equals(PageFields.ANCHORS) && !query.contains(field + ":");
      if (!PageFields.ALL.contains(field) && !ownUrlName) {
        int at = query.indexOf(field + ":");
        throw new QueryErrors.Placed("no field \"" + field + "\" (the fields are " + String.join(", ", PageFields.ALL)
            + "; quote text with a colon)", at < 0 ? -1 : at + 1);
      }
    }
    if (parsed instanceof BooleanQuery bool && bool.clauses().isEmpty()) { // "the", "NOT of", title:a
      // "->" or "==" has no stop word to blame: the analyzer drops punctuation as well.
      if (wordsBesidesOperators(query).codePoints().noneMatch(Character::isLetterOrDigit)) {
        throw new QueryErrors.Placed("it has no word, only punctuation, which the index leaves out; add a word"
            + " that the pages would have", -1);
      }
      throw new QueryErrors.OnlyStopWords();
    }
    return WhereFilters.scoreless(onlyExclusions(parsed) ? allPagesBut(parsed) : WhereFilters.narrow(query, parsed));
  }

  /** The query without its operators and field names; a quoted "AND" is a word. */
  private static String wordsBesidesOperators(String query) {
    String[] parts = query.split("\"", -1);
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < parts.length; i++) { // even parts are outside quotes
      words.append(i % 2 == 0 ? OPERATORS_AND_FIELDS.matcher(parts[i]).replaceAll(" ") : parts[i]).append(' ');
    }
    return words.toString();
  }

  /**
   * The query with its OR-ed words all required, as a web search engine reads them; null when
   * that is the query itself (one word, or words joined by an explicit OR or AND).
   */
  public Query allWords(String query, Query parsed) {
    Operator was = getDefaultOperator();
    setDefaultOperator(Operator.AND);
    try {
      Query all = parse(query);
      return all.equals(parsed) ? null : all;
    } catch (ParseException e) {
      return null; // cannot happen: the query parsed with OR, and the operator changes no syntax
    } finally {
      setDefaultOperator(was);
    }
  }

  /**
   * {@code NOT widget} alone matches nothing in Lucene, which has nothing to take the exclusions
   * from; as in Elasticsearch's query_string, it means every page without the word.
   */
  private static boolean onlyExclusions(Query q) {
    return q instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
  }

  private static Query allPagesBut(Query exclusions) {
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    ((BooleanQuery) exclusions).clauses().forEach(all::add);
    return all.build();
  }

  /**
   * The text fields hold stems ("tutorial" as "tutori"), so a prefix as typed misses the very
   * word it spells: tutorial* found nothing. There the prefix's stem is a second prefix,
   * {@code tutorial* OR tutori*}. Keyword fields hold values as written and keep the one; a
   * url prefix without a scheme is a word of the URL's ({@link UrlWords}), as a url word is.
   */
  @Override
  protected Query getPrefixQuery(String field, String prefix) throws ParseException {
    Query urlWords = PageFields.URL.equals(field) ? UrlWords.startingWith(prefix) : null;
    if (urlWords != null) {
      return urlWords;
    }
    Query typed = super.getPrefixQuery(field, prefix); // for no field: this, once per field
    if (field == null || !TEXT_FIELDS.contains(field)) {
      return typed;
    }
    String stem = OneWord.of(getAnalyzer(), field, prefix);
    if (stem == null || typed instanceof PrefixQuery p && p.getPrefix().text().equals(stem)) {
      return typed;
    }
    return new BooleanQuery.Builder()
        .add(typed, BooleanClause.Occur.SHOULD)
        .add(newPrefixQuery(new Term(field, stem)), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** A word repeated in a group is looked up once and weighs as often as it was typed. */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    return super.getBooleanQuery(RepeatedClauses.merged(clauses));
  }

  /** Lucene checks a regular expression only when it builds the query, and throws unchecked. */
  @Override
  protected Query getRegexpQuery(String field, String regexp) throws ParseException {
    try {
      return super.getRegexpQuery(field, regexp);
    } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
      throw QueryErrors.badRegexp(query, regexp, e);
    }
  }

  /**
   * Lucene refuses a leading * or ? without saying where; the word it refuses starts there. Its
   * words for it ("first character in WildcardQuery") said nothing of what to do instead, and *args
   * and **kwargs are common words in Python's docs: quoted, they are searched as text.
   */
  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(termStr) && field != null && PageFields.ALL.contains(field)) {
      return hasValue(field);
    }
    if (!getAllowLeadingWildcard() && (termStr.startsWith("*") || termStr.startsWith("?"))
        && !("*".equals(field) && "*".equals(termStr))) {
      Matcher word = Pattern.compile("(?<![^\\s:(+\\-!])" + Pattern.quote(termStr)).matcher(query);
      // Quoted, a whole value is looked up as written: url:"*asyncio*" finds no URL.
      String instead = PageFields.matchedWhole(field) && termStr.indexOf('\\') < 0 // escapes: no sure regex
          ? "a url, host or lang value that holds a text is found by a regular expression: " + field + ":/"
              + termStr.replace("*", ".*").replace("?", ".") + "/"
          : "quote it to search for its text";
      throw new QueryErrors.Placed("a word may not start with * or ? (" + instead + ")",
          word.find() ? word.start() + 1 : -1);
    }
    return super.getWildcardQuery(field, termStr);
  }

  /**
   * {@code field:*}: the pages that have a value there, as Elasticsearch's query_string reads it,
   * where the classic grammar refused a word that starts with *. {@code NOT description:*} lists
   * the pages without a meta description, {@code NOT title:*} those without a title: any of the
   * field's terms (a field's norms and doc values are kept for an empty value too, which a query
   * of them would count). A page of stop words only has no term.
   */
  private static Query hasValue(String field) {
    return PointFields.has(field) ? PointFields.any(field) : TermRangeQuery.newStringRange(field, null, null, true, true);
  }

  /** Whether {@code query} is a field's any value, as {@link #hasValue} makes it for a text or keyword field. */
  public static boolean isAnyValue(Query query) {
    return query instanceof TermRangeQuery range && range.getLowerTerm() == null && range.getUpperTerm() == null;
  }

  /**
   * A plain word of the default fields that a URL names pages by ({@link #urlNamed}) matches those
   * pages too, whatever else the query says: with OR, or beside words all required
   * ({@link #allWords}), as alone. The demo's faq.html, which says "FAQ" only in its navigation,
   * was gone from {@code faq OR zzzz}, and ranked 12th for {@code faq widgets} with "Widgets" in its title.
   * The better of the two counts, not both: c-api's "Tuple Objects" (tuple.html), which says the
   * word often, came before collections.namedtuple for {@code named tuple} with both.
   */
  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    Query where = whereValue(field, text);
    if (where != null) {
      return where;
    }
    Query word = super.getFieldQuery(field, text, quoted); // for no field: this, once per field
    String name = text.toLowerCase(Locale.ROOT);
    if (field != null || quoted || word == null || !urlNamed.contains(name)) {
      return word;
    }
    readUrlName = true;
    return new DisjunctionMaxQuery(List.of(word, DefinitionQueries.ofUrlName(name)), 0f);
  }

  /** A quoted value: {@code host:"127.0.0.1:8092"} and {@code url:"library/json"} as unquoted. */
  @Override
  protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
    Query where = whereValue(field, text);
    return where != null ? where : super.getFieldQuery(field, text, slop);
  }

  /**
   * A value of a field that says where a page is, as users write it rather than as the index
   * holds it: a number or date ({@link PointFields}), a host's port ({@link HostPorts}), a word of
   * a URL ({@link UrlWords}); null for a value the field's analyzer reads as it is.
   */
  private Query whereValue(String field, String text) throws ParseException {
    if (PointFields.has(field)) {
      return PointFields.exact(query, field, text);
    }
    return PageFields.HOST.equals(field) ? HostPorts.of(query, text)
        : PageFields.URL.equals(field) ? UrlWords.of(text) : null;
  }

  /**
   * A word of one field, quoted or not; a path typed with {@code ::} is the name as the index
   * knows it or the path's words side by side, as a page's text has them, whichever scores more.
   * One query, not a BooleanQuery of the two: the multi-field parser would take those for two
   * words, and with AND require both.
   */
  @Override
  protected Query newFieldQuery(Analyzer analyzer, String field, String text, boolean quoted) throws ParseException {
    Query asRead = super.newFieldQuery(analyzer, field, text, quoted);
    String path = paths.isEmpty() || !TEXT_FIELDS.contains(field) ? null : pathTyped(text);
    if (path == null) {
      return asRead;
    }
    Query asWritten = super.newFieldQuery(analyzer, field, path, quoted);
    return asRead == null || asWritten == null ? asWritten : new DisjunctionMaxQuery(List.of(asRead, asWritten), 0f);
  }

  /** The path typed for the dotted name {@code text}, maybe called ({@code Vec.new()}), or null. */
  private String pathTyped(String text) {
    boolean called = text.endsWith("()");
    String path = paths.get(called ? text.substring(0, text.length() - 2) : text);
    return path == null || !called ? path : path + "()";
  }

  /**
   * A range names its field: over the text fields it compared every word of every page with the
   * bounds, so {@code [1 TO 5]} matched all 526 pages of the Python docs. The multi-field parser
   * asks with no field first, then once per field.
   */
  @Override
  protected Query getRangeQuery(
      String field, String lower, String upper, boolean lowerInclusive, boolean upperInclusive)
      throws ParseException {
    if (field == null) {
      throw QueryErrors.rangeWithoutField(query);
    }
    return PointFields.has(field)
        ? PointFields.range(query, field, lower, upper, lowerInclusive, upperInclusive)
        : super.getRangeQuery(field, lower, upper, lowerInclusive, upperInclusive);
  }
}
