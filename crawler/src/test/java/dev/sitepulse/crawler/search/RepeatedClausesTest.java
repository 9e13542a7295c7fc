package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageFields;
import java.nio.file.Path;
import org.apache.lucene.search.BooleanQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedClausesTest {
  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTheDocsSite() {
    searcher = PageSearcher.open(DocsSite.indexInto(dir.resolve("index")));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aRepeatedWordIsOneClauseWeighedAsOftenAsItWasTyped() throws Exception {
    assertThat(parsed("cache~ widget cache~ cache~")).isEqualTo(parsed("cache~^3 widget"));
    assertThat(parsed("(a* b* a*) -log -log")).isEqualTo(parsed("(a*^2 b*) -log"));
    assertThat(((BooleanQuery) parsed("wid* wid* wid* cache")).clauses()).hasSize(2);
  }

  @Test
  void aRepeatedWordRanksAndScoresAsItDidWhenEachTimeWasAClause() throws Exception {
    SearchResults repeated = searcher.search("cache cache cache widget", 10);
    SearchResults boosted = searcher.search("cache^3 widget", 10);

    assertThat(repeated.hits()).extracting(SearchHit::url)
        .containsExactlyElementsOf(boosted.hits().stream().map(SearchHit::url).toList());
    assertThat(repeated.hits()).extracting(SearchHit::score)
        .containsExactlyElementsOf(boosted.hits().stream().map(SearchHit::score).toList());
  }

  private static org.apache.lucene.search.Query parsed(String query) throws Exception {
    return new PageQueryParser(PageFields.analyzer()).parse(query);
  }
}
