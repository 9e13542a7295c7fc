package dev.sitepulse.crawler.search.internal.query;

import dev.sitepulse.crawler.index.PageFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Clauses on the fields that say where a page is rather than what it says narrow a query of
 * words instead of adding to it: {@code host:docs.python.org asyncio} finds the pages of that host
 * about asyncio, as a docs search's site filter does, where the classic grammar's OR found every
 * page of the host. Values of one field are alternatives ({@code host:a host:b}); different fields
 * all apply. They score nothing. A query that writes OR or || between its top clauses says how
 * they combine and is read as written, and so are the values of one field alone; one inside a
 * group is the group's ({@code host:(a OR b) zip} is zip on either host), and AND or && requires a
 * filter as narrowing does. Wherever a query has them, they match as written and score nothing
 * ({@link #scoreless}).
 */
public final class WhereFilters {

  private static final Set<String> FIELDS =
      Set.of(PageFields.HOST, PageFields.URL, PageFields.LANG, PageFields.STATUS, PageFields.FETCHED_AT);
  /** OR as the classic grammar reads it. */
  private static final Set<String> OR_OPERATORS = Set.of("OR", "||");
  /** AND as the classic grammar reads it, which a filter beside words means anyway. */
  private static final Set<String> AND_OPERATORS = Set.of("AND", "&&");
  /** The operators that may stand before a where-clause that {@link #wordsBeside} leaves out. */
  private static final Set<String> JOINING = Set.of("AND", "&&", "NOT", "!");

  private WhereFilters() {}

  /** Whether {@code field} says where a page is: host, url, lang, status or fetched_at. */
  public static boolean isWhereField(String field) {
    return FIELDS.contains(field);
  }

  /** {@code parsed} with its top-level clauses on where-fields as filters, when it has words too. */
  static Query narrow(String query, Query parsed) {
    if (!(parsed instanceof BooleanQuery bool) || writesOr(query)) {
      return parsed;
    }
    Map<String, List<Query>> filters = new LinkedHashMap<>();
    List<BooleanClause> words = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      String field = clause.getOccur() == Occur.MUST_NOT ? null : whereField(clause.getQuery());
      if (field != null) {
        filters.computeIfAbsent(field, f -> new ArrayList<>()).add(clause.getQuery());
      } else {
        words.add(clause);
      }
    }
    long optional = words.stream().filter(c -> c.getOccur() == Occur.SHOULD).count();
    boolean required = words.stream().anyMatch(c -> c.getOccur() == Occur.MUST);
    // An excluded value keeps pages out as a filter does: json -host:a ranks as json, which the
    // reading with every word required then is too (no head start for having "every" word).
    boolean excludes = words.stream().anyMatch(WhereFilters::excludedValue);
    // One field alone is read as written: host:a host:b lists both hosts. Several all apply, as
    // beside words: host:a status:203 lists a's 203s, not a's pages and every 203.
    if (filters.isEmpty() && !excludes || optional == 0 && !required && filters.size() == 1) {
      return parsed;
    }
    BooleanQuery.Builder narrowed = new BooleanQuery.Builder();
    for (BooleanClause c : words) { // one optional word must match, as it did alone
      narrowed.add(c.getQuery(), optional == 1 && !required && c.getOccur() == Occur.SHOULD ? Occur.MUST : c.getOccur());
    }
    if (optional > 1 && !required) { // beside a filter, SHOULD clauses would all be optional
      narrowed.setMinimumNumberShouldMatch(1);
    }
    for (List<Query> values : filters.values()) {
      narrowed.add(values.size() == 1 ? values.get(0) : anyOf(values), Occur.FILTER);
    }
    return narrowed.build();
  }

  /**
   * The filters {@link #narrow} made of {@code parsed}'s clauses, and its excluded where-values, as
   * one query: what keeps pages out however the words rank them; null for none.
   */
  public static Query of(Query parsed) {
    List<BooleanClause> clauses = whereClauses(parsed);
    if (clauses.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    clauses.forEach(all::add);
    if (clauses.stream().allMatch(c -> c.getOccur() == Occur.MUST_NOT)) { // else it would match nothing
      all.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return all.build();
  }

  private static List<BooleanClause> whereClauses(Query parsed) {
    return parsed instanceof BooleanQuery bool
        ? bool.clauses().stream().filter(c -> c.getOccur() == Occur.FILTER || excludedValue(c)).toList()
        : List.of();
  }

  private static boolean excludedValue(BooleanClause clause) {
    return clause.getOccur() == Occur.MUST_NOT && whereField(clause.getQuery()) != null;
  }

  /**
   * Whether {@code parsed} reads where-fields only, or is {@code *:*}: a listing of pages, with no
   * words to rank them by.
   */
  public static boolean only(Query parsed) {
    if (parsed instanceof MatchAllDocsQuery) {
      return true;
    }
    Set<String> fields = FieldsRead.of(parsed);
    return !fields.isEmpty() && FIELDS.containsAll(fields);
  }

  /** {@code ranked} kept to the pages {@code where} allows; as it is for no filter. */
  public static Query within(Query ranked, Query where) {
    return where == null ? ranked
        : new BooleanQuery.Builder().add(ranked, Occur.MUST).add(where, Occur.FILTER).build();
  }

  /**
   * {@code query} without its where-clauses that {@link #narrow} makes filters, for reading its
   * other words as names and phrases: each clause at the top of the query that reads one
   * where-field alone ({@code host:docs.python.org}, {@code host:(a b)}, {@code -host:a},
   * {@code host:"127.0.0.1:8092"}, {@code status:404^2}), with an AND or NOT that joins it. One in
   * a group with words stays, and is read as a field word as before.
   */
  public static String wordsBeside(String query) {
    List<QueryWords.Word> all = QueryWords.of(query);
    List<int[]> clauses = TopClauses.of(query);
    boolean[] gone = new boolean[clauses.size()];
    int from = 0; // words and clauses both go in query order: each word is looked at once
    for (int i = 0; i < clauses.size(); i++) {
      int[] clause = clauses.get(i);
      while (from < all.size() && all.get(from).start() < clause[0]) {
        from++;
      }
      int to = from;
      while (to < all.size() && all.get(to).start() < clause[1]) {
        to++;
      }
      gone[i] = filters(all.subList(from, to));
      from = to;
    }
    for (int i = clauses.size() - 2; i >= 0; i--) { // the AND and NOT before a clause gone go with it
      gone[i] |= gone[i + 1] && JOINING.contains(text(query, clauses.get(i)));
    }
    for (int i = 1; i < clauses.size(); i++) { // and an AND after one, as in host:a AND json
      gone[i] |= gone[i - 1] && AND_OPERATORS.contains(text(query, clauses.get(i)));
    }
    // Copied forwards, a space for each clause gone: a replace in place moved the rest of the
    // query for each, which made a query of a megabyte take seconds.
    StringBuilder words = new StringBuilder(query.length());
    int copied = 0;
    for (int i = 0; i < clauses.size(); i++) {
      if (gone[i]) {
        words.append(query, copied, clauses.get(i)[0]).append(' ');
        copied = clauses.get(i)[1];
      }
    }
    return words.append(query, copied, query.length()).toString().strip();
  }

  /** Whether a clause's words are all of one where-field, all excluded or none. */
  private static boolean filters(List<QueryWords.Word> clause) {
    QueryWords.Word first = null;
    for (QueryWords.Word w : clause) {
      if (w.field() == null || !FIELDS.contains(w.field())
          || first != null && (!first.field().equals(w.field()) || first.excluded() != w.excluded())) {
        return false;
      }
      first = first == null ? w : first;
    }
    return first != null;
  }

  private static String text(String query, int[] clause) {
    return query.substring(clause[0], clause[1]);
  }

  /**
   * {@code query} with each part that reads where-fields alone scoring nothing, matching as
   * before: under OR ({@code asyncio OR host:a}), in a group, or written with AND, a host's or a
   * language's rare value added its own BM25 weight to the pages of it. Filters already score nothing.
   */
  static Query scoreless(Query query) {
    if (query instanceof MatchAllDocsQuery || isScoreless(query)) {
      return query;
    }
    Set<String> fields = FieldsRead.of(query);
    if (!fields.isEmpty() && FIELDS.containsAll(fields)) {
      return new BoostQuery(new ConstantScoreQuery(query), 0f);
    }
    if (query instanceof BoostQuery boosted) {
      return new BoostQuery(scoreless(boosted.getQuery()), boosted.getBoost());
    }
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    BooleanQuery.Builder kept = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    for (BooleanClause clause : bool.clauses()) {
      boolean scores = clause.getOccur() == Occur.SHOULD || clause.getOccur() == Occur.MUST;
      kept.add(scores ? scoreless(clause.getQuery()) : clause.getQuery(), clause.getOccur());
    }
    return kept.build();
  }

  /** Whether {@code query} is a where-clause {@link #scoreless} made: no word of the text to mark. */
  public static boolean isScoreless(Query query) {
    return query instanceof BoostQuery boosted && boosted.getBoost() == 0f
        && boosted.getQuery() instanceof ConstantScoreQuery;
  }

  /**
   * {@code allWords}, the query with every word required ({@link PageQueryParser#allWords}), with
   * the filters of {@code parsed}: every word, not every value of a filter (with AND,
   * {@code host:(a b)} asked for a page on both hosts); null when that is {@code parsed} itself.
   */
  public static Query withFiltersOf(Query parsed, Query allWords) {
    List<BooleanClause> filters = whereClauses(parsed);
    List<BooleanClause> own = whereClauses(allWords);
    if (!(allWords instanceof BooleanQuery all) || filters.isEmpty() || own.isEmpty()) {
      return allWords; // the same words and filters, or a reading of another shape: as it is
    }
    BooleanQuery.Builder same = new BooleanQuery.Builder().setMinimumNumberShouldMatch(all.getMinimumNumberShouldMatch());
    all.clauses().stream().filter(c -> !own.contains(c)).forEach(same::add);
    filters.forEach(same::add);
    Query withFilters = same.build();
    return withFilters.equals(parsed) ? null : withFilters;
  }

  private static Query anyOf(List<Query> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(v -> any.add(v, Occur.SHOULD));
    return any.build();
  }

  /** The one where-field {@code q} reads, or null when it reads another or several. */
  private static String whereField(Query q) {
    Set<String> fields = FieldsRead.of(q);
    return fields.size() == 1 && FIELDS.containsAll(fields) ? fields.iterator().next() : null;
  }

  /**
   * Whether OR joins clauses at the top of {@code query}, between spaces or against a parenthesis
   * ({@code (a)OR(b)}); one inside a group ({@code host:(a OR b)}) is the group's.
   */
  private static boolean writesOr(String query) {
    return TopClauses.words(query).stream().anyMatch(OR_OPERATORS::contains);
  }
}
