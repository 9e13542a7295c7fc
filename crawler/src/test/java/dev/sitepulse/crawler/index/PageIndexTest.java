package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageIndexTest {
  @TempDir Path dir;

  @Test
  void upsertingTheSameUrlReplacesTheDocument() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/a.html", "First title"));
      index.upsert(page("https://h/b.html", "Other page"));
      index.commit(Map.of());
      index.upsert(page("https://h/a.html", "Second title"));
      index.commit(Map.of());

      assertThat(index.docCount()).isEqualTo(2);
    }
    assertThat(storedTitle("https://h/a.html")).isEqualTo("Second title");
  }

  @Test
  void withoutDocumentNamesTheUrlsTheLastCommitHasNoLiveDocumentFor() {
    try (PageIndex index = PageIndex.open(dir)) {
      assertThat(index.withoutDocument(List.of("https://h/a.html"))).as("no commit yet")
          .containsExactly("https://h/a.html");
      index.upsert(page("https://h/a.html", "A"));
      index.upsert(page("https://h/b.html", "B"));
      index.commit(Map.of());
      index.delete("https://h/b.html");
      index.commit(Map.of());
      index.upsert(page("https://h/c.html", "C")); // not committed

      assertThat(index.withoutDocument(List.of("https://h/a.html", "https://h/b.html", "https://h/c.html")))
          .containsExactly("https://h/b.html", "https://h/c.html");
    }
  }

  @Test
  void committedContentHashesGivesTheHashEachCommittedDocumentWasMadeFromWhereItRecordsOne() {
    String hash = "ab".repeat(32);
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(new IndexedPage("https://h/a.html", "h", "A", List.of(), "a", "", 0, 200, null, 0,
          null, null, null, null, null, null, null, hash));
      index.upsert(page("https://h/b.html", "B")); // no hash, as documents from before it
      index.commit(Map.of());
      index.upsert(new IndexedPage("https://h/b.html", "h", "B", List.of(), "b", "", 0, 200, null, 0,
          null, null, null, null, null, null, null, hash)); // not committed

      assertThat(index.committedContentHashes(List.of("https://h/a.html", "https://h/b.html", "https://h/c.html")))
          .isEqualTo(Map.of("https://h/a.html", hash));
    }
  }

  @Test
  void commitUserDataRoundTripsAndSurvivesReopening() {
    try (PageIndex index = PageIndex.open(dir)) {
      assertThat(index.lastCommitData()).isEmpty();
      index.upsert(page("https://h/a.html", "A"));
      index.commit(Map.of("sitepulse.seq", "41"));
      index.commit(Map.of("sitepulse.seq", "42", "seed", "https://h/"));

      assertThat(index.lastCommitData())
          .isEqualTo(Map.of("sitepulse.seq", "42", "seed", "https://h/"));
    }
    try (PageIndex reopened = PageIndex.open(dir)) {
      assertThat(reopened.lastCommitData()).containsEntry("sitepulse.seq", "42");
      assertThat(reopened.docCount()).isEqualTo(1);
    }
  }

  @Test
  void closingWithoutACommitKeepsTheLastCommitLikeACrashWould() {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/a.html", "A"));
      index.commit(Map.of("sitepulse.seq", "1"));
      index.upsert(page("https://h/b.html", "B"));

      assertThat(index.docCount()).as("uncommitted upserts are not counted").isEqualTo(1);
    }
    try (PageIndex reopened = PageIndex.open(dir)) {
      assertThat(reopened.docCount()).isEqualTo(1);
      assertThat(reopened.lastCommitData()).containsEntry("sitepulse.seq", "1");
    }
  }

  @Test
  void workersMayUpsertConcurrentlyWhileAnotherThreadCommits() throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try (PageIndex index = PageIndex.open(dir)) {
      List<Future<?>> done = new ArrayList<>();
      for (int worker = 0; worker < 4; worker++) {
        int w = worker;
        done.add(
            workers.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    index.upsert(page("https://h/" + w + "/" + i % 200 + ".html", "page " + i));
                  }
                }));
      }
      for (int i = 0; i < 5; i++) {
        index.commit(Map.of("round", Integer.toString(i)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      index.commit(Map.of("round", "last"));

      assertThat(index.docCount()).isEqualTo(4 * 200);
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void aCommitKeepsNoSegmentWhosePagesWereAllReplacedWhileAMergeHeldIt() throws Exception {
    HeldMerges merges = new HeldMerges();
    try (PageIndex index = PageIndex.open(dir, merges)) {
      for (int i = 0; i < 12; i++) { // a segment each: more than Lucene keeps unmerged
        index.upsert(page("https://h/" + i + ".html", "First " + i));
        index.commit(Map.of());
      }
      assertThat(merges.started()).as("a merge holds some of those segments").isPositive();
      for (int i = 0; i < 12; i++) { // a refresh: every page replaced, every old segment all deleted
        index.upsert(page("https://h/" + i + ".html", "Second " + i));
      }
      index.commit(Map.of("round", "2"));
      merges.release(); // a merge of big segments ends after the commit, or is aborted by close()
    }

    SegmentInfos last = lastCommit();
    assertThat(last.getUserData()).containsEntry("round", "2");
    assertThat(last.asList()).extracting(s -> s.info.maxDoc() - s.getDelCount())
        .as("live documents of each segment").doesNotContain(0);
    assertThat(last.totalMaxDoc()).as("no copy of the replaced pages is left").isEqualTo(12);
  }

  @Test
  void refreshingEveryPageTenTimesLeavesNoSegmentOfReplacedPagesBehind() throws Exception {
    for (int round = 0; round < 10; round++) {
      try (PageIndex index = PageIndex.open(dir)) {
        for (int i = 0; i < 60; i++) {
          index.upsert(page("https://h/" + i + ".html", "Round " + round + " page " + i));
          if (i % 5 == 4) { // a crawl commits every few seconds
            index.commit(Map.of());
          }
        }
      }

      assertThat(lastCommit().asList()).extracting(s -> s.info.maxDoc() - s.getDelCount())
          .as("live documents of each segment after round %d", round).doesNotContain(0);
    }
  }

  private SegmentInfos lastCommit() throws Exception {
    try (var directory = FSDirectory.open(dir)) {
      return SegmentInfos.readLatestCommit(directory);
    }
  }

  @Test
  void aSecondWriterOnTheSameDirectoryIsRefused() {
    try (PageIndex index = PageIndex.open(dir)) {
      assertThatThrownBy(() -> PageIndex.open(dir))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use");
    }
  }

  @Test
  void missingTextsAreIndexedAsEmpty() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(new IndexedPage("https://h/bare", null, null, null, null, null, 0, 200, null, 0));
      index.commit(Map.of());

      assertThat(index.docCount()).isEqualTo(1);
    }
    assertThat(storedTitle("https://h/bare")).isEmpty();
  }

  @Test
  void aUrlBeyondLucenesTermLimitIsRejectedUpFront() {
    String huge = "https://h/" + "x".repeat(40_000);

    assertThatThrownBy(() -> page(huge, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("term limit");
  }

  @Test
  void aUrlOfExactlyLucenesTermLimitIsIndexed() throws Exception {
    String longest = "https://h/" + "x".repeat(IndexWriter.MAX_TERM_LENGTH - "https://h/".length());
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page(longest, "Longest"));
      index.commit(Map.of());
    }

    assertThat(storedTitle(longest)).isEqualTo("Longest");
  }

  @Test
  void flushingWritesABufferedPageOnceAndThenHasNothingToWrite() {
    try (PageIndex index = PageIndex.open(dir)) {
      assertThat(index.flushBuffer()).as("nothing upserted").isFalse();
      index.upsert(page("https://h/a.html", "A"));

      assertThat(index.flushBuffer()).isTrue();
      assertThat(index.flushBuffer()).isFalse();
    }
  }

  private String storedTitle(String url) throws Exception {
    try (var directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(PageFields.URL, url)), 2);
      assertThat(top.totalHits.value).isEqualTo(1);
      Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
      return doc.get(PageFields.TITLE);
    }
  }

  private static IndexedPage page(String url, String title) {
    return TestPages.page(url).title(title).headings(List.of("Heading")).body("Body text about " + title)
        .description("Description").build();
  }

  @Test
  void aDamagedIndexIsNamedInOneShortLineNotInLucenesParagraph() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/p", "T"));
      index.commit(Map.of());
    }
    try (var files = java.nio.file.Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        java.nio.file.Files.write(f, new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 0, 0, 0, 9, 'x'});
      }
    }

    assertThatThrownBy(() -> PageIndex.open(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot open index " + dir + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(200));
  }

  @Test
  void anIndexWithRandomBytesInASegmentIsRefusedInOneLineBeforeAnythingIsWrittenIntoIt() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page("https://h/a.html", "Widgets"));
      index.commit(Map.of());
    }
    // Stored text only search reads: a crawl whose pages all answered 304 would never notice.
    SegmentDamage.overwriteLengthOf(dir, "Body text about Widgets");

    for (int attempt = 1; attempt <= 2; attempt++) { // the first let go of the directory's lock
      assertThatThrownBy(() -> PageIndex.open(dir))
          .as("attempt %d", attempt)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot open index " + dir + ": damaged: checksum failed (_0.cfs);"
              + " crawl again with --fresh to rebuild it");
    }
  }

  @Test
  void replacingPagesOverATermsDictionaryThatTurnedToRandomBytesMeanwhileFailsInOneLine() throws Exception {
    List<IndexedPage> pages = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      pages.add(page("https://h/p" + i + ".html", "Widgets " + i));
    }
    try (PageIndex index = PageIndex.open(dir)) {
      pages.forEach(index::upsert);
      index.commit(Map.of());
    }

    try (PageIndex index = PageIndex.open(dir)) {
      SegmentDamage.randomBytes(dir, "_Lucene912_0.tim", 8); // an index past an array, deleting by url
      pages.forEach(index::upsert); // as a refresh does: the old documents are looked up by url

      assertThatThrownBy(() -> index.commit(Map.of()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot commit (index " + dir + "): damaged: checksum failed (_0.cfs);"
              + " crawl again with --fresh to rebuild it");
      // The failure closed the writer: the next change says why, not only that it is closed.
      assertThatThrownBy(() -> index.upsert(pages.get(0)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot upsert https://h/p0.html (index " + dir + "): damaged: checksum failed (_0.cfs);"
              + " crawl again with --fresh to rebuild it")
          .satisfies(e -> assertThat(e.getCause().getSuppressed()).as("what tripped, for -v")
              .singleElement().isNotInstanceOf(AlreadyClosedException.class));
    }
  }
}
