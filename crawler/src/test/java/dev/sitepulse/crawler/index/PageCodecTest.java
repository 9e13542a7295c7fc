package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Random;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageCodecTest {

  @TempDir Path dir;

  @Test
  void anIndexWrittenWithLucenesOwnCodecKeepsItsPagesSearchableBesideNewOnes() throws Exception {
    Path index = dir.resolve("index");
    String body = "The walrus operator assigns values to variables as part of a larger expression.";
    // As versions before PageCodec wrote it: Lucene's default codec, stored fields compressed.
    try (IndexWriter older = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(PageFields.analyzer()))) {
      older.addDocument(PageDocuments.of(page("https://docs.example/old.html").title("Old").body(body).build()));
      older.commit();
    }
    try (PageIndex pages = PageIndex.open(index)) {
      pages.upsert(page("https://docs.example/new.html").title("New").body(body).build());
      pages.commit(Map.of());
    }

    try (FSDirectory directory = FSDirectory.open(index)) {
      assertThat(SegmentInfos.readLatestCommit(directory).asList())
          .extracting((SegmentCommitInfo s) -> s.info.getCodec().getName())
          .containsExactlyInAnyOrder("Lucene912", PageCodec.NAME);
    }
    try (PageSearcher searcher = PageSearcher.open(index)) {
      List<SearchHit> hits = searcher.search("walrus operator", 10).hits();

      assertThat(hits).extracting(SearchHit::url)
          .containsExactlyInAnyOrder("https://docs.example/new.html", "https://docs.example/old.html");
      assertThat(hits).extracting(SearchHit::snippet).containsOnly(body);
    }
  }

  @Test
  void everyStoredBodyReadsBackWholeFromMidChunkSlicedAndMergedSegments() throws Exception {
    Path index = dir.resolve("index");
    Random random = new Random(3);
    Map<String, String> bodies = new HashMap<>();
    try (FSDirectory directory = FSDirectory.open(index)) {
      // Lucene's own codec first, as an older version wrote; then PageCodec, then both merged.
      for (Codec codec : List.<Codec>of(new Lucene912Codec(), new PageCodec())) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PageFields.analyzer()).setCodec(codec))) {
          for (int i = 0; i < 60; i++) {
            // Mostly a few KB, several to a chunk; one of 300 KB, which a chunk holds in slices.
            int length = i == 17 ? 300_000 : 200 + random.nextInt(6_000);
            String url = "https://docs.example/" + codec.getName() + "/" + i + ".html";
            String body = words(random, length);
            bodies.put(url, body);
            writer.addDocument(PageDocuments.of(page(url).body(body).build()));
          }
          writer.commit();
        }
      }
      assertThat(storedBodies(directory)).isEqualTo(bodies);
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PageFields.analyzer())
          .setCodec(new PageCodec()))) {
        writer.forceMerge(1);
      }
      assertThat(storedBodies(directory)).isEqualTo(bodies);
    }
  }

  private static Map<String, String> storedBodies(FSDirectory directory) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document d = stored.document(doc);
        out.put(d.get(PageFields.URL), d.get(PageFields.BODY));
      }
    }
    return out;
  }

  /** Text of about {@code length} characters, some of them outside ASCII. */
  private static String words(Random random, int length) {
    String[] words = {"walrus", "operator", "naïve", "ünïcode", "ключ", "loop", "名前"};
    StringBuilder text = new StringBuilder(length + 10);
    while (text.length() < length) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    return text.toString().strip();
  }

  @Test
  void anIndexWithACodecThisVersionDoesNotKnowFailsInOneLineForSearchAndCrawl() throws Exception {
    Path index = indexOfALaterSitepulse();
    String said = "cannot open index " + index + ": not an index this version can read: written with codec"
        + " SitepulsePage999, which it does not know (by a later sitepulse?)";

    assertThatThrownBy(() -> PageSearcher.open(index)).isInstanceOf(UncheckedIOException.class).hasMessage(said);
    assertThatThrownBy(() -> PageIndex.open(index)).isInstanceOf(UncheckedIOException.class).hasMessage(said);
  }

  @Test
  void analyzeReadingAnIndexWithACodecThisVersionDoesNotKnowFailsInOneLineToo() throws Exception {
    Path index = indexOfALaterSitepulse();

    // Not Lucene's "An SPI class of type org.apache.lucene.codecs.Codec with name ... does not exist".
    assertThatThrownBy(() -> TermStats.top(index, 5)).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the index in " + index + ": not an index this version can read: written with"
            + " codec SitepulsePage999, which it does not know (by a later sitepulse?)");
  }

  /** As a later sitepulse might write it: a codec under a name no SPI file here registers. */
  private Path indexOfALaterSitepulse() throws Exception {
    Path index = dir.resolve("index");
    Codec later = new FilterCodec("SitepulsePage999", new Lucene912Codec()) {};
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(index),
        new IndexWriterConfig(PageFields.analyzer()).setCodec(later))) {
      writer.addDocument(PageDocuments.of(page("https://docs.example/new.html").body("text").build()));
      writer.commit();
    }
    return index;
  }
}
