package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurfaceFormsTest {

  @TempDir Path dir;

  @Test
  void aPossessiveLosesItsEndingWithAnyApostropheTheAnalyzerKnowsAndNothingElseDoes() {
    assertThat(SurfaceForms.withoutPossessive("asyncio's")).isEqualTo("asyncio");
    assertThat(SurfaceForms.withoutPossessive("Python\u2019S")).isEqualTo("Python");
    assertThat(SurfaceForms.withoutPossessive("PEP\uFF07s")).isEqualTo("PEP");
    assertThat(SurfaceForms.withoutPossessive("'s")).isEqualTo("'s");
    assertThat(SurfaceForms.withoutPossessive("its")).isEqualTo("its");
    assertThat(SurfaceForms.withoutPossessive("bus'")).isEqualTo("bus'");
  }

  @Test
  void aStemsWordsAreReadFromThePageThatUsesItMostEveryOccurrenceFromFirstToLast() throws Exception {
    // The page that says it most comes last, in the index and by URL: neither order nor a tie picks it.
    index(page("https://a.example/once").body("connected").build(),
        page("https://b.example/once").body("it connects").build(),
        page("https://z.example/most").body("connecting connecting connecting connecting").build());

    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory);
        Analyzer analyzer = PageFields.analyzer()) {
      assertThat(SurfaceForms.counts(reader, analyzer, PageFields.BODY, "connect", 1))
          .isEqualTo(Map.of("connecting", 4));
      assertThat(SurfaceForms.counts(reader, analyzer, PageFields.BODY, "connect", 3))
          .isEqualTo(Map.of("connecting", 4, "connected", 1, "connects", 1));
    }
  }

  @Test
  void aWordIsShownLowerCasedUnlessThePagesNeverWriteItSo() throws Exception {
    index(page("https://site.example/0")
        .body("Python runs. Python reads. Python writes. The python binary. API, API and API.").build());

    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory);
        Analyzer analyzer = PageFields.analyzer()) {
      assertThat(SurfaceForms.mostWritten(reader, analyzer, PageFields.BODY, List.of("python", "api"), 5))
          .isEqualTo(Map.of("python", "python", "api", "API"));
    }
  }

  private void index(IndexedPage... pages) {
    try (PageIndex index = PageIndex.open(dir)) {
      for (IndexedPage page : pages) {
        index.upsert(page);
      }
      index.commit(Map.of());
    }
  }
}
