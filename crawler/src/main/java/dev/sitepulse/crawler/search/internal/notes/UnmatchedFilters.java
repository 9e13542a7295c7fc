package dev.sitepulse.crawler.search.internal.notes;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import dev.sitepulse.crawler.search.internal.query.WhereFilters;
import dev.sitepulse.crawler.search.internal.ranking.QueryPlanner;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a query found nothing, when a value of a where-field in it matches no page by itself:
 * {@code host:python} (a host is its whole name), {@code lang:english} (a language is a code such
 * as en or pt-br), {@code status:404} (only 2xx pages are indexed). Each such value gets one line
 * that names it and what the index holds there ({@link HeldValues}), where "0 of 0 hits" said
 * nothing of why.
 */
public final class UnmatchedFilters {
  private static final Logger LOG = LoggerFactory.getLogger(UnmatchedFilters.class);
  private final IndexSearcher searcher;
  private final QueryPlanner planner;

  public UnmatchedFilters(IndexSearcher searcher, QueryPlanner planner) {
    this.searcher = searcher;
    this.planner = planner;
  }

  /**
   * One line for each value of a where-field in {@code query} (as the grammar reads it) that no
   * page has, excluded ones aside; empty when each matches some page, and in an index of no page,
   * where every value is one no page has (the crawl that wrote it said why). Empty too when the
   * index cannot be read for them: a note is no reason to fail the search it explains.
   */
  public List<String> of(String query) {
    try {
      return read(query);
    } catch (IOException | RuntimeException e) {
      LOG.debug("no notes for {}: {}", query, e.toString(), e);
      return List.of();
    }
  }

  private List<String> read(String query) throws IOException {
    Set<String> notes = new LinkedHashSet<>();
    if (searcher.getIndexReader().numDocs() == 0) {
      return List.of();
    }
    for (QueryWords.Word w : QueryWords.of(query)) {
      if (w.field() != null && WhereFilters.isWhereField(w.field()) && !w.excluded()
          && searcher.count(alone(w)) == 0) {
        notes.add(note(w.field(), w.text().replace("\\", "")));
      }
    }
    return List.copyOf(notes);
  }

  /** The word as a query of its own, read as the query read it; nothing for one that cannot be. */
  private Query alone(QueryWords.Word w) {
    String value = w.inPhrase() ? "\"" + w.text() + "\"" : w.text();
    try {
      return QueryPlanner.parse(planner.parser(null, Map.of()), w.field() + ":" + value);
    } catch (InvalidQueryException e) { // parsed within the whole query: only a part of a phrase
      return new MatchAllDocsQuery();
    }
  }

  private String note(String field, String value) throws IOException {
    // Quoted as an error quotes a query: an escape sequence in a host's value would act on the terminal.
    String what = PageFields.STATUS.equals(field) || PageFields.FETCHED_AT.equals(field) ? value : InvalidQueryException.quoted(value);
    String held = HeldValues.of(searcher.getIndexReader(), field);
    return "no page has " + field + " " + what + (held == null ? "" : " (" + held + ")");
  }
}
