package dev.sitepulse.crawler.search.internal.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class FirstMultiTermsTest {
  private static final Query AA = new PrefixQuery(new Term("body", "aa"));
  private static final Query AB = new PrefixQuery(new Term("body", "ab"));
  private static final Query AC = new FuzzyQuery(new Term("body", "ac"));
  private static final Query WORD = new TermQuery(new Term("body", "word"));

  @Test
  void onlyTheFirstDistinctMultiTermQueriesAreKeptAndEveryOtherWord() {
    Query query = or(AA, WORD, new BoostQuery(AA, 2), AB, AC);

    assertThat(FirstMultiTerms.of(query, 2)).isEqualTo(or(AA, WORD, AB));
    assertThat(FirstMultiTerms.of(query, 3)).isEqualTo(or(AA, WORD, AB, AC));
  }

  @Test
  void groupsLeftWithoutClausesGoAndNoMoreOptionalClausesAreRequiredThanAreLeft() {
    Query twoOfThree = new BooleanQuery.Builder().add(AA, Occur.SHOULD).add(AB, Occur.SHOULD).add(AC, Occur.SHOULD)
        .setMinimumNumberShouldMatch(2).build();
    Query query = new BooleanQuery.Builder().add(twoOfThree, Occur.MUST)
        .add(new DisjunctionMaxQuery(List.of(AB, AC), 0f), Occur.SHOULD).add(WORD, Occur.MUST).build();

    Query kept = FirstMultiTerms.of(query, 1);

    Query oneOfOne = new BooleanQuery.Builder().add(AA, Occur.SHOULD).setMinimumNumberShouldMatch(1).build();
    assertThat(kept).isEqualTo(new BooleanQuery.Builder().add(oneOfOne, Occur.MUST).add(WORD, Occur.MUST).build());
    assertThat(FirstMultiTerms.of(or(AA, AB), 0)).isNull();
  }

  private static Query or(Query... clauses) {
    BooleanQuery.Builder or = new BooleanQuery.Builder();
    for (Query clause : clauses) {
      or.add(clause, Occur.SHOULD);
    }
    return or.build();
  }
}
