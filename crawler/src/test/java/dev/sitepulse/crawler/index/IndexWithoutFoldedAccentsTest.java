package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written before accents were folded: a word typed as its pages write it still finds them. */
class IndexWithoutFoldedAccentsTest {

  @TempDir Path dir;

  @Test
  void aWordTypedWithItsAccentsFindsThePagesAnOlderVersionIndexed() throws Exception {
    Path index = dir.resolve("index");
    // As an older version wrote it: the text fields through EnglishAnalyzer's chain, no folding.
    try (IndexWriter older = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(new EnglishAnalyzer()))) {
      older.addDocument(PageDocuments.of(page("https://docs.example/accented.html").body("Lunch at the café.").build()));
      older.addDocument(PageDocuments.of(page("https://docs.example/plain.html").body("Lunch at the cafe.").build()));
      older.commit();
    }

    try (PageSearcher searcher = PageSearcher.open(index)) {
      List<SearchHit> hits = searcher.search("café", 10).hits();

      assertThat(hits).extracting(SearchHit::url)
          .containsExactly("https://docs.example/accented.html", "https://docs.example/plain.html");
      assertThat(hits.get(0).highlights()).extracting(h -> hits.get(0).snippet().substring(h.start(), h.end()))
          .containsExactly("café");
    }
  }
}
