package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.DocsSite;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
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

  @Test
  void mergedClausesScoreEachPageAsTheClausesEachTypedDo() throws Exception {
    // Lucene's own parser keeps every repeat a clause of its own: the scores to match.
    BooleanQuery typed = (BooleanQuery) new QueryParser(PageFields.BODY, PageFields.analyzer())
        .parse("cache cache cache widget");
    BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(typed.getMinimumNumberShouldMatch());
    RepeatedClauses.merged(typed.clauses()).forEach(builder::add);
    BooleanQuery merged = builder.build();
    assertThat(merged.clauses()).hasSize(2);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")))) {
      IndexSearcher pages = new IndexSearcher(reader);
      TopDocs each = pages.search(typed, 100);
      TopDocs once = pages.search(merged, 100);

      assertThat(once.scoreDocs).hasSameSizeAs(each.scoreDocs).isNotEmpty();
      for (int i = 0; i < each.scoreDocs.length; i++) {
        assertThat(once.scoreDocs[i].doc).isEqualTo(each.scoreDocs[i].doc);
        assertThat(once.scoreDocs[i].score).isCloseTo(each.scoreDocs[i].score, within(1e-4f));
      }
    }
  }

  private static Query parsed(String query) throws Exception {
    return new PageQueryParser(PageFields.analyzer()).parse(query);
  }
}
