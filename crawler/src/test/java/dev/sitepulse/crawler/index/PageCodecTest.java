package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
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
      older.addDocument(PageDocuments.of(page("https://docs.example/old.html", body)));
      older.commit();
    }
    try (PageIndex pages = PageIndex.open(index)) {
      pages.upsert(page("https://docs.example/new.html", body));
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
  void anIndexWithACodecThisVersionDoesNotKnowFailsInOneLineForSearchAndCrawl() throws Exception {
    Path index = dir.resolve("index");
    // As a later sitepulse might write it: a codec under a name no SPI file here registers.
    Codec later = new FilterCodec("SitepulsePage999", new Lucene912Codec()) {};
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(index),
        new IndexWriterConfig(PageFields.analyzer()).setCodec(later))) {
      writer.addDocument(PageDocuments.of(page("https://docs.example/new.html", "text")));
      writer.commit();
    }
    String said = "cannot open index " + index + ": not an index this version can read: written with codec"
        + " SitepulsePage999, which it does not know (by a later sitepulse?)";

    assertThatThrownBy(() -> PageSearcher.open(index)).isInstanceOf(UncheckedIOException.class).hasMessage(said);
    assertThatThrownBy(() -> PageIndex.open(index)).isInstanceOf(UncheckedIOException.class).hasMessage(said);
  }

  private static IndexedPage page(String url, String body) {
    return new IndexedPage(url, "docs.example", "Expressions", List.of(), body, "", 1_700_000_000_000L, 200,
        "en", 0);
  }
}
