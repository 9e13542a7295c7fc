package dev.sitepulse.crawler.search.internal.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearStemsTest {
  @TempDir Path dir;

  @Test
  void aStemIsCutByOneToThreeLettersButNeverBelowFour() {
    assertThat(NearStems.cuts("configuraton")).containsExactly("configurato", "configurat", "configura");
    assertThat(NearStems.cuts("decoratr")).containsExactly("decorat", "decora", "decor");
    assertThat(NearStems.cuts("abcdef")).containsExactly("abcde", "abcd");
    assertThat(NearStems.cuts("abcde")).containsExactly("abcd");
    assertThat(NearStems.cuts("abcd")).isEmpty();
  }

  @Test
  void aStemIsCutAndMeasuredInLettersNotUtf16Units() {
    // Each of these is one letter in two chars: cutting by chars would split one in half.
    String five = "𝔞𝔟𝔠𝔡𝔢";

    assertThat(NearStems.cuts(five)).containsExactly("𝔞𝔟𝔠𝔡");
    assertThat(NearStems.correctable("𝔞𝔟𝔠𝔡")).isTrue();
    assertThat(NearStems.correctable("𝔞𝔟𝔠")).as("6 chars, 3 letters").isFalse();
    assertThat(NearStems.correctable("𝔞".repeat(32))).as("64 chars, 32 letters").isTrue();
  }

  @Test
  void aStemOfFourToThirtyTwoLettersIsCorrectable() {
    assertThat(NearStems.correctable("abc")).isFalse();
    assertThat(NearStems.correctable("abcd")).isTrue();
    assertThat(NearStems.correctable("a".repeat(32))).isTrue();
    assertThat(NearStems.correctable("a".repeat(33))).isFalse();
  }

  @Test
  void theStemsNearOneAreThoseWithinTheEditsAskedForWithTheMostPagesOfAnyField() throws Exception {
    index(List.of(
        Map.of("body", "pattern", "title", "pattern"),
        Map.of("body", "pattern"),
        Map.of("body", "pottern"))); // two edits from patern, one from pattern
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      List<String> fields = List.of("title", "body");

      assertThat(NearStems.of(reader, fields, "patern", 1)).isEqualTo(Map.of("pattern", 2));
      assertThat(NearStems.of(reader, fields, "patern", 2)).isEqualTo(Map.of("pattern", 2, "pottern", 1));
      assertThat(NearStems.of(reader, fields, "paxxern", 1)).as("two edits when one was asked").isEmpty();
      assertThat(NearStems.of(reader, fields, "paxxern", 2)).isEqualTo(Map.of("pattern", 2));
      assertThat(NearStems.of(reader, fields, "pattern", 2)).as("a stem the pages have is itself")
          .isEqualTo(Map.of("pattern", 2));
    }
  }

  private void index(List<Map<String, String>> docs) throws Exception {
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (Map<String, String> fields : docs) {
        Document doc = new Document();
        fields.forEach((name, value) -> doc.add(new StringField(name, value, Field.Store.NO)));
        writer.addDocument(doc);
      }
    }
  }
}
