package dev.sitepulse.crawler.search.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A group's clauses with each repeated one written once, weighed as many times as it was given:
 * the same score, for one lookup. A fuzzy word or a prefix is an automaton built and run over the
 * terms of four fields, so {@code loop~} pasted 1,600 times took 8 s; a plain word repeated in a
 * pasted paragraph cost a lookup each time as well.
 */
final class RepeatedClauses {
  private RepeatedClauses() {}

  static List<BooleanClause> merged(List<BooleanClause> clauses) {
    Map<BooleanClause, Integer> times = new LinkedHashMap<>();
    for (BooleanClause clause : clauses) {
      times.merge(clause, 1, Integer::sum);
    }
    if (times.size() == clauses.size()) {
      return clauses;
    }
    List<BooleanClause> merged = new ArrayList<>(times.size());
    times.forEach((clause, n) -> merged.add(n == 1 || !clause.isScoring() ? clause
        : new BooleanClause(new BoostQuery(clause.getQuery(), n), clause.getOccur())));
    return merged;
  }
}
