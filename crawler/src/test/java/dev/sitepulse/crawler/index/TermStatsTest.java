package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermStatsTest {

  @TempDir Path dir;

  private static IndexedPage page(int i, String body) {
    return new IndexedPage("https://site.example/" + i, "site.example", "page " + i, List.of(), body, "",
        1_700_000_000_000L, 200, "en", 0);
  }

  /** Pages 0, 1, … of {@code bodies}, committed. */
  private void indexPages(String... bodies) {
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < bodies.length; i++) {
        index.upsert(page(i, bodies[i]));
      }
      index.commit(Map.of());
    }
  }

  @Test
  void aReplacedPageCountsOnceSoNoTermIsOnMorePagesThanThereAre() {
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < 3; i++) {
        index.upsert(page(i, "footer widget" + i));
      }
      index.commit(Map.of());
      index.upsert(page(0, "footer gizmo")); // as a refresh does: the old document is only marked deleted
      index.commit(Map.of());
    }

    TermStats.Result r = TermStats.top(dir, 5);

    assertThat(r.docs()).isEqualTo(3);
    assertThat(r.byDocFreq().get(0)).isEqualTo(new TermStats.Term("footer", "footer", 3, 3, 0.0));
    assertThat(r.byTfIdf()).allSatisfy(t -> assertThat(t.tfIdf()).isNotNegative());
    assertThat(r.byDocFreq()).extracting(TermStats.Term::term).doesNotContain("widget0");
  }

  @Test
  void aPageRemovedFromASegmentThatStaysCountsForNoTerm() throws IOException {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page(0, "footer widget widget"));
      index.upsert(page(1, "FOOTER gizmo")); // nor is the word read from it
      for (int i = 2; i < 10; i++) {
        index.upsert(page(i, "footer sprocket"));
      }
      index.commit(Map.of());
      // One page in ten: too few for Lucene to merge the segment away, so it keeps the page, deleted.
      index.delete("https://site.example/1");
      index.commit(Map.of());
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertThat(reader.numDeletedDocs()).as("the deleted page still in its segment").isEqualTo(1);
    }

    TermStats.Result r = TermStats.top(dir, 10);

    assertThat(r.docs()).isEqualTo(9);
    assertThat(r.byDocFreq()).extracting(TermStats.Term::term).containsExactly("footer", "sprocket", "widget");
    assertThat(r.byDocFreq()).first().isEqualTo(new TermStats.Term("footer", "footer", 9, 9, 0.0));
    assertThat(r.byTfIdf()).first()
        .isEqualTo(new TermStats.Term("widget", "widget", 1, 2, 2 * Math.log(9)));
  }

  @Test
  void theTermsOfEitherListAreShownAsWritten() {
    indexPages("Modules everywhere.", "Modules again.", "Modules and Dictionaries, Dictionaries, Dictionaries.");

    TermStats.Result r = TermStats.top(dir, 1);

    assertThat(r.byDocFreq()).extracting(TermStats.Term::word).containsExactly("Modules");
    assertThat(r.byTfIdf()).extracting(TermStats.Term::word).containsExactly("Dictionaries");
  }

  @Test
  void numbersAndVersionsAreNoTermsOfTheSite() {
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < 3; i++) {
        index.upsert(page(i, "© 2001 2023 release 3.11.2 of Feb 07 widget" + i + " py3k"));
      }
      index.commit(Map.of());
    }

    assertThat(TermStats.top(dir, 3).byDocFreq()).extracting(TermStats.Term::term)
        .containsExactly("feb", "py3k", "releas");
  }

  @Test
  void eachTermIsShownAsThePagesWriteItNotAsItsStem() {
    indexPages("Modules import modules. The module's dictionary holds values.",
        "A module is a file. Dictionaries map keys to values; see the API and the API's docs.",
        "Python modules. Python is a language, and its dictionary a value.");

    Map<String, String> words = TermStats.top(dir, 50).byDocFreq().stream()
        .collect(java.util.stream.Collectors.toMap(TermStats.Term::term, TermStats.Term::word));

    // "modul" 5 times: modules 3, module 2 (once possessive); "dictionari": dictionary 2, dictionaries 1.
    assertThat(words).containsEntry("modul", "modules").containsEntry("dictionari", "dictionary")
        .containsEntry("valu", "values").containsEntry("api", "API").containsEntry("python", "Python");
  }

  @Test
  void theWordShownIsTheSameWhateverOrderTheCrawlIndexedThePagesIn() {
    // Six pages say "values", six "value": read from the first ten indexed, the word depended on
    // which pages answered first.
    List<IndexedPage> pages = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pages.add(page(i, i < 6 ? "Keys map to values." : "Each key maps to a value."));
    }
    List<IndexedPage> reversed = new java.util.ArrayList<>(pages);
    java.util.Collections.reverse(reversed);

    assertThat(wordFor("valu", pages, dir.resolve("a"))).isEqualTo(wordFor("valu", reversed, dir.resolve("b")));
  }

  private static String wordFor(String term, List<IndexedPage> pages, Path indexDir) {
    try (PageIndex index = PageIndex.open(indexDir)) {
      pages.forEach(index::upsert);
      index.commit(Map.of());
    }
    return TermStats.top(indexDir, 20).byDocFreq().stream().filter(t -> t.term().equals(term))
        .findFirst().orElseThrow().word();
  }

  @Test
  void anIndexWithNoCommitYetHasNoTerms() {
    try (PageIndex index = PageIndex.open(dir)) {
      index.upsert(page(0, "footer")); // a crawl in its first seconds
    }

    assertThat(TermStats.top(dir, 5)).isEqualTo(new TermStats.Result(0, List.of(), List.of()));
  }

  @Test
  void aPageWhoseStoredTextWasOverwrittenFailsInOneLineSayingTheIndexIsDamaged() throws Exception {
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < 3; i++) {
        index.upsert(page(i, "Widgets ship as packages, page " + i));
      }
      index.commit(Map.of());
    }
    SegmentDamage.overwriteLengthOf(dir, "Widgets ship as packages, page 1");

    assertThatThrownBy(() -> TermStats.top(dir, 5))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the index in " + dir + ": damaged: checksum failed (_0.cfs);"
            + " crawl again with --fresh to rebuild it");
  }
}
