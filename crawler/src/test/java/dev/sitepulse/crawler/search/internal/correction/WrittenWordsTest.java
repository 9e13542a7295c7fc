package dev.sitepulse.crawler.search.internal.correction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.index.TestPages;
import dev.sitepulse.crawler.search.DocsSite;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenWordsTest {
  @TempDir Path dir;

  @Test
  void ofTwoWrittenWordsAsNearToWhatWasTypedTheOneThePagesWriteMoreWins() throws Exception {
    // connects and connected both stem to connect, and are each one edit from connectes; the
    // less written one comes first in the alphabet.
    DocsSite.indexInto(dir, List.of(
        page("a", "The client connects first. It connects again when the server connected it."),
        page("b", "A socket connects to a port.")));
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      WrittenWords written = new WrittenWords(reader, PageFields.analyzer());

      assertThat(written.nearest("connect", "connectes")).isEqualTo("connects");
      assertThat(written.nearest("connect", "connecteed")).as("one edit beats more pages").isEqualTo("connected");
    }
  }

  @Test
  void aStemInNoStoredTextHasNoWrittenWord() throws Exception {
    DocsSite.indexInto(dir, List.of(page("a", "The client connects first.")));
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(new WrittenWords(reader, PageFields.analyzer()).nearest("pattern", "patern")).isNull();
    }
  }

  private static IndexedPage page(String path, String body) {
    return TestPages.page("https://docs.example/" + path).title("A page").body(body).build();
  }
}
