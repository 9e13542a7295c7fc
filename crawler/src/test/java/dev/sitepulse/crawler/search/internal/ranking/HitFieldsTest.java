package dev.sitepulse.crawler.search.internal.ranking;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.PageIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hit's url and title, read from doc values, or where an older index has none, as stored. */
class HitFieldsTest {
  @TempDir Path dir;

  @Test
  void pagesIndexedBeforeUrlAndTitleHadDocValuesShowThemAsStored() throws Exception {
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PageFields.analyzer()))) {
      Document titled = new Document();
      titled.add(new StringField(PageFields.URL, "https://h/old.html", Field.Store.YES));
      titled.add(new TextField(PageFields.TITLE, "An old page", Field.Store.YES));
      writer.addDocument(titled);
      Document untitled = new Document();
      untitled.add(new StringField(PageFields.URL, "https://h/untitled.html", Field.Store.YES));
      writer.addDocument(untitled);
      writer.commit();
    }
    readIndex(reader -> {
      HitFields fields = new HitFields(reader);

      assertThat(fields.url(0)).isEqualTo("https://h/old.html");
      assertThat(fields.title(0)).isEqualTo("An old page");
      assertThat(fields.url(1)).isEqualTo("https://h/untitled.html");
      assertThat(fields.title(1)).as("none stored").isEmpty();
      assertThat(fields.definedNames(1)).isEmpty();
    });
  }

  @Test
  void aPageInALaterSegmentShowsItsOwnUrlTitleAndDefinedNames() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/a.html").title("A").build());
      index.commit(Map.of());
      index.upsert(page("https://h/b.html").title("B").anchors(Set.of("KeyError", "b.Thing", "heading-slug")).build());
      index.commit(Map.of());
    }
    readIndex(reader -> {
      assertThat(reader.leaves()).hasSize(2);
      HitFields fields = new HitFields(reader);

      assertThat(List.of(fields.url(0), fields.title(0), fields.definedNames(0))).containsExactly("https://h/a.html", "A", "");
      assertThat(List.of(fields.url(1), fields.title(1), fields.definedNames(1)))
          .containsExactly("https://h/b.html", "B", "KeyError\nb.Thing");
    });
  }

  @Test
  void theDefinedNamesAreTheIdsThatNameAnApiUpTo200CharsSortedInStringOrder() throws Exception {
    String longest = "n." + "x".repeat(198);
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/a.html").title("A")
          .anchors(Set.of("c.Zeta", "KeyError", longest, "heading-slug", "b.Thing", "m." + "x".repeat(199), "a.Alpha"))
          .build());
      index.commit(Map.of());
    }
    readIndex(reader -> assertThat(new HitFields(reader).definedNames(0)).isEqualTo(
        String.join("\n", "KeyError", "a.Alpha", "b.Thing", "c.Zeta", longest)));
  }

  private interface ReaderCheck {
    void check(DirectoryReader reader) throws Exception;
  }

  /** Runs {@code check} on a reader of the index in {@code dir}, then closes both. */
  private void readIndex(ReaderCheck check) throws Exception {
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      check.check(reader);
    }
  }
}
