package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage is what the checksums say; a failure of our own is never called damage. */
class IndexDamageTest {
  @TempDir Path dir;
  private Directory directory;
  private DirectoryReader reader;

  @Test
  void aLuceneFailureOnAnIndexWhoseChecksumsMatchIsNotCalledDamage() throws Exception {
    open(false);
    RuntimeException misuse = catchRuntimeException(() -> reader.storedFields().document(99)); // no such page

    assertThat(IndexDamage.failure("cannot search", misuse, reader)).isSameAs(misuse);
    assertThat(IndexDamage.failure("cannot search", misuse, directory)).isSameAs(misuse);
  }

  @Test
  void aFailureThatStartsInOurOwnCodeIsNotCalledDamageEvenOnADamagedIndex() throws Exception {
    open(true);
    NullPointerException ours = new NullPointerException("a bug of ours"); // its trace starts in this test

    assertThat(IndexDamage.failure("cannot search", ours, reader)).isSameAs(ours);
  }

  @Test
  void aLuceneFailureOnAnIndexWhoseChecksumFailsIsDamageInOneLine() throws Exception {
    open(true);
    RuntimeException tripped = catchRuntimeException(() -> reader.storedFields().document(0));

    assertThat(IndexDamage.failure("cannot search", tripped, reader))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot search: damaged: checksum failed (_0.cfs); crawl again with --fresh to rebuild it")
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).containsExactly(tripped));
  }

  @Test
  void aMissingFileIsReportedAsTheFileSystemSaysNotAsDamageEvenOnADamagedIndex() throws Exception {
    open(true);
    NoSuchFileException gone = new NoSuchFileException(dir.resolve("_0.cfs").toString());

    assertThat(IndexDamage.failure("cannot search", gone, reader))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot search: no such file or folder (_0.cfs)")
        .hasCause(gone);
  }

  @Test
  void aFailureWithoutAStackTraceIsLeftToTheChecksums() throws Exception {
    open(true);
    RuntimeException traceless = new IllegalStateException("trace left out");
    traceless.setStackTrace(new StackTraceElement[0]);

    assertThat(IndexDamage.failure("cannot search", traceless, reader))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot search: damaged: checksum failed (_0.cfs)");
  }

  @Test
  void aLuceneFailureOnADirectoryWhoseCommitFailsItsChecksumIsDamage() throws Exception {
    open(false);
    RuntimeException misuse = catchRuntimeException(() -> reader.storedFields().document(99));
    try (var files = Files.list(dir)) {
      for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        byte[] bytes = Files.readAllBytes(segments);
        bytes[bytes.length - 1] ^= 0x55; // the checksum's last byte: whatever the layout before it
        Files.write(segments, bytes);
      }
    }

    assertThat(IndexDamage.failure("cannot search", misuse, directory))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot search: damaged: checksum failed");
  }

  /** Two pages, the first with its stored body's length overwritten when {@code damaged}. */
  private void open(boolean damaged) throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      for (String body : List.of("Widgets ship as packages", "Gadgets ship as images")) {
        String title = body.substring(0, 7);
        index.upsert(page("https://h/" + title).title(title).body(body).build());
      }
      index.commit(Map.of());
    }
    if (damaged) {
      SegmentDamage.overwriteLengthOf(dir, "Widgets ship as packages");
    }
    directory = FSDirectory.open(dir);
    reader = DirectoryReader.open(directory);
  }

  @AfterEach
  void close() throws Exception {
    reader.close();
    directory.close();
  }
}
