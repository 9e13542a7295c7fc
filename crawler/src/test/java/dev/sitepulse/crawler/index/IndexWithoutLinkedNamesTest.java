package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written before pages had linked names: a crawl that ends over it sets nothing, and fails not. */
class IndexWithoutLinkedNamesTest {

  @TempDir Path dir;

  @Test
  void settingLinkedNamesOnAnIndexThatNeverHadThemLeavesItAsItWas() throws Exception {
    Path index = dir.resolve("index");
    String body = "Open file and return a corresponding file object.";
    try (IndexWriter older = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(PageFields.analyzer()))) {
      Document doc = new Document();
      for (IndexableField field : PageDocuments.of(page("https://docs.example/old.html").title("Old").body(body).build())) {
        if (!field.name().equals(PageFields.LINKED_NAMES)) {
          doc.add((Field) field);
        }
      }
      older.addDocument(doc);
      older.commit();
    }
    try (PageIndex pages = PageIndex.open(index)) {
      pages.setLinkedNames(List.of("https://docs.example/old.html"),
          Map.of("https://docs.example/old.html", new BytesRef("open\t9\topen\n".getBytes(StandardCharsets.UTF_8))));
      pages.commit(Map.of());
    }

    try (PageSearcher searcher = PageSearcher.open(index)) {
      assertThat(searcher.search("open file", 10).hits()).extracting(SearchHit::url)
          .containsExactly("https://docs.example/old.html");
    }
  }
}
