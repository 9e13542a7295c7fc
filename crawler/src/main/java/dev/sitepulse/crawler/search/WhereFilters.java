package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.PageFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Clauses on the fields that say where a page is rather than what it says narrow a query of
 * words instead of adding to it: {@code host:docs.python.org asyncio} finds the pages of that host
 * about asyncio, as a docs search's site filter does, where the classic grammar's OR found every
 * page of the host. Values of one field are alternatives ({@code host:a host:b}); different fields
 * all apply. They score nothing. A query that writes its operators between clauses (AND, OR, &&,
 * ||) says how they combine and is read as written, and so are the values of one field alone.
 */
final class WhereFilters {

  private static final Set<String> FIELDS =
      Set.of(PageFields.HOST, PageFields.URL, PageFields.LANG, PageFields.STATUS, PageFields.FETCHED_AT);
  /** AND, OR, && or || outside quotes, as the classic grammar reads them. */
  private static final Pattern BINARY_OPERATOR = Pattern.compile("\\b(?:AND|OR)\\b|&&|\\|\\|");

  private WhereFilters() {}

  /** {@code parsed} with its top-level clauses on where-fields as filters, when it has words too. */
  static Query narrow(String query, Query parsed) {
    if (!(parsed instanceof BooleanQuery bool) || writesOperators(query)) {
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
    // One field alone is read as written: host:a host:b lists both hosts. Several all apply, as
    // beside words: host:a status:203 lists a's 203s, not a's pages and every 203.
    if (filters.isEmpty() || optional == 0 && !required && filters.size() == 1) {
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

  /** The filters {@link #narrow} made of {@code parsed}'s clauses, as one query; null for none. */
  static Query of(Query parsed) {
    if (!(parsed instanceof BooleanQuery bool)) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    bool.clauses().stream().filter(c -> c.getOccur() == Occur.FILTER).forEach(all::add);
    BooleanQuery filters = all.build();
    return filters.clauses().isEmpty() ? null : filters;
  }

  /**
   * Whether {@code parsed} reads where-fields only, or is {@code *:*}: a listing of pages, with no
   * words to rank them by.
   */
  static boolean only(Query parsed) {
    if (parsed instanceof MatchAllDocsQuery) {
      return true;
    }
    Set<String> fields = FieldsRead.of(parsed);
    return !fields.isEmpty() && FIELDS.containsAll(fields);
  }

  /** {@code ranked} kept to the pages {@code where} allows; as it is for no filter. */
  static Query within(Query ranked, Query where) {
    return where == null ? ranked
        : new BooleanQuery.Builder().add(ranked, Occur.MUST).add(where, Occur.FILTER).build();
  }

  /**
   * {@code query} without its where-clauses of one value that stand alone ({@code host:docs.python.org},
   * {@code status:404}), for reading its other words as names and phrases; one in a group, a
   * phrase or after an operator stays, and is read as a field word as before.
   */
  static String wordsBeside(String query) {
    StringBuilder words = new StringBuilder(query);
    List<QueryWords.Word> all = QueryWords.of(query);
    for (int i = all.size() - 1; i >= 0; i--) { // from the end, so that earlier offsets hold
      QueryWords.Word w = all.get(i);
      int from = w.field() == null ? -1 : w.start() - w.field().length() - 1;
      boolean alone = from >= 0 && query.startsWith(w.field() + ":", from)
          && (from == 0 || Character.isWhitespace(query.charAt(from - 1)))
          && (w.end() == query.length() || Character.isWhitespace(query.charAt(w.end())));
      if (alone && FIELDS.contains(w.field()) && !w.excluded() && !w.inPhrase()) {
        words.replace(from, w.end(), " ");
      }
    }
    return words.toString().strip();
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

  private static boolean writesOperators(String query) {
    String[] parts = query.split("\"", -1);
    for (int i = 0; i < parts.length; i += 2) { // even parts are outside quotes
      if (BINARY_OPERATOR.matcher(parts[i]).find()) {
        return true;
      }
    }
    return false;
  }
}
