package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written before pages had a link-text share: its pages rank as prose, as they did. */
class IndexWithoutLinkTextShareTest {

  @TempDir Path dir;

  @Test
  void aPageIndexedWithoutTheShareScoresAsAPageOfProse() throws Exception {
    Path index = dir.resolve("index");
    String body = "The walrus operator assigns values to variables as part of a larger expression.";
    IndexedPage prose = page("https://docs.example/new.html").title("New").body(body).build();
    try (PageIndex pages = PageIndex.open(index)) {
      pages.upsert(prose);
      pages.commit(Map.of());
    }
    // The same page as an older version wrote it: every field but the share, in a segment of its own.
    try (IndexWriter older = new IndexWriter(FSDirectory.open(index),
        new IndexWriterConfig(PageFields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Document doc = new Document();
      for (IndexableField field : PageDocuments.of(page("https://docs.example/old.html").title("Old").body(body).build())) {
        if (!field.name().equals(PageFields.LINK_TEXT_SHARE)) {
          doc.add((Field) field);
        }
      }
      older.addDocument(doc);
      older.commit();
    }

    try (PageSearcher searcher = PageSearcher.open(index)) {
      List<SearchHit> hits = searcher.search("walrus operator", 10).hits();

      assertThat(hits).extracting(SearchHit::url)
          .containsExactlyInAnyOrder("https://docs.example/new.html", "https://docs.example/old.html");
      assertThat(hits.get(0).score()).isEqualTo(hits.get(1).score());
    }
  }
}
