package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's status and fetch time are points, for {@code status:} and {@code fetched_at:} queries;
 * versions before this one also stored them, which nothing read back.
 */
class IndexWithStoredStatusAndFetchTimeTest {

  private static final String BODY = "The walrus operator assigns values to variables as part of a larger expression.";

  @TempDir Path dir;

  @Test
  void aPagesStatusAndFetchTimeAreIndexedForQueriesButNotStored() {
    Document doc = PageDocuments.of(page("https://docs.example/a.html").build());

    for (String field : List.of(PageFields.STATUS, PageFields.FETCHED_AT)) {
      assertThat(doc.getFields(field)).as(field).hasSize(1)
          .allMatch(f -> f.fieldType().pointDimensionCount() == 1 && !f.fieldType().stored());
    }
  }

  @Test
  void pagesAnOlderVersionStoredThemForAreFoundByStatusAndFetchTimeAndReplacedByACrawl() throws Exception {
    Path index = dir.resolve("index");
    try (PageIndex pages = PageIndex.open(index)) {
      pages.upsert(page("https://docs.example/new.html").title("New").body(BODY).build());
      pages.commit(Map.of());
    }
    // The page as an older version wrote it, in a segment of its own: with the two stored values.
    try (IndexWriter older = new IndexWriter(FSDirectory.open(index),
        new IndexWriterConfig(PageFields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Document doc = PageDocuments.of(page("https://docs.example/old.html").title("Old").body(BODY).build());
      doc.add(new StoredField(PageFields.FETCHED_AT, 1_700_000_000_000L));
      doc.add(new StoredField(PageFields.STATUS, 200));
      older.addDocument(doc);
      older.commit();
    }

    assertThat(urls(index, "status:200")).containsExactlyInAnyOrder("https://docs.example/new.html", "https://docs.example/old.html");
    assertThat(urls(index, "fetched_at:1700000000000 AND walrus"))
        .containsExactlyInAnyOrder("https://docs.example/new.html", "https://docs.example/old.html");

    try (PageIndex pages = PageIndex.open(index)) {
      pages.upsert(page("https://docs.example/old.html").title("Old").body(BODY).build());
      pages.commit(Map.of());
    }
    assertThat(urls(index, "status:[200 TO 299] walrus"))
        .containsExactlyInAnyOrder("https://docs.example/new.html", "https://docs.example/old.html");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertThat(reader.numDocs()).as("the old page replaced, not added again").isEqualTo(2);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (reader.hasDeletions() && !MultiBits.getLiveDocs(reader).get(i)) {
          continue;
        }
        Document stored = reader.storedFields().document(i);
        assertThat(stored.get(PageFields.STATUS)).as(stored.get(PageFields.URL)).isNull();
        assertThat(stored.get(PageFields.FETCHED_AT)).as(stored.get(PageFields.URL)).isNull();
      }
    }
  }

  private static List<String> urls(Path index, String query) throws Exception {
    try (PageSearcher searcher = PageSearcher.open(index)) {
      return searcher.search(query, 10).hits().stream().map(SearchHit::url).toList();
    }
  }
}
