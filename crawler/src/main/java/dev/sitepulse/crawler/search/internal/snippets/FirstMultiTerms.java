package dev.sitepulse.crawler.search.internal.snippets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * A query for the highlighter with only its first few distinct prefix, wildcard, fuzzy and regex
 * terms. The highlighter runs every word of a hit's body through each such term's automaton, or,
 * expanded, looks up each of their 64 best terms: 676 two-letter prefixes ({@code aa* ab* …}) made
 * a query take 10 s and {@code a* b* b* …} 1 GB, for marks no snippet has room for. The same term
 * repeated is kept once. Its other words are all kept.
 */
final class FirstMultiTerms {
  private final int max;
  private final Set<Query> kept = new HashSet<>();

  private FirstMultiTerms(int max) {
    this.max = max;
  }

  /** {@code query} without the multi-term queries after its first {@code max} distinct ones; null when nothing is left. */
  static Query of(Query query, int max) {
    return new FirstMultiTerms(max).keep(query);
  }

  private Query keep(Query query) {
    if (query instanceof MultiTermQuery) {
      return kept.size() < max && kept.add(query) ? query : null; // a repeat marks nothing more
    }
    if (query instanceof BoostQuery boosted) {
      Query inner = keep(boosted.getQuery());
      return inner == null ? null : inner == boosted.getQuery() ? query : new BoostQuery(inner, boosted.getBoost());
    }
    if (query instanceof DisjunctionMaxQuery max) {
      List<Query> disjuncts = new ArrayList<>();
      for (Query disjunct : max.getDisjuncts()) {
        Query inner = keep(disjunct);
        if (inner != null) {
          disjuncts.add(inner);
        }
      }
      return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier());
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder clauses = new BooleanQuery.Builder();
      int any = 0;
      int should = 0;
      for (BooleanClause clause : bool.clauses()) {
        Query inner = keep(clause.getQuery());
        if (inner != null) {
          clauses.add(inner, clause.getOccur());
          any++;
          should += clause.getOccur() == BooleanClause.Occur.SHOULD ? 1 : 0;
        }
      }
      // No more optional clauses required than are left: the highlighter marks only what matches.
      return any == 0 ? null : clauses.setMinimumNumberShouldMatch(Math.min(bool.getMinimumNumberShouldMatch(), should)).build();
    }
    return query;
  }
}
