package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermStatsTest {

  @TempDir Path dir;

  private static IndexedPage page(int i, String body) {
    return TestPages.page("https://site.example/" + i).title("page " + i).body(body).build();
  }

  /** Pages 0, 1, … of {@code bodies}, committed. */
  private void indexPages(String... bodies) {
    indexPages(bodies.length, i -> bodies[i]);
  }

  /** Pages 0 to {@code count - 1}, page i with {@code body.apply(i)}, committed. */
  private void indexPages(int count, IntFunction<String> body) {
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < count; i++) {
        index.upsert(page(i, body.apply(i)));
      }
      index.commit(Map.of());
    }
  }

  @Test
  void aReplacedPageCountsOnceSoNoTermIsOnMorePagesThanThereAre() {
    indexPages(3, i -> "footer widget" + i);
    try (PageIndex index = PageIndex.open(dir)) {
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
  void theTermsInMostPagesAndTheTermsByTfIdfAreBothShownAsWritten() {
    indexPages("Modules everywhere.", "Modules again.", "Modules and Dictionaries, Dictionaries, Dictionaries.");

    TermStats.Result r = TermStats.top(dir, 1);

    assertThat(r.byDocFreq()).extracting(TermStats.Term::word).containsExactly("Modules");
    assertThat(r.byTfIdf()).extracting(TermStats.Term::word).containsExactly("Dictionaries");
  }

  @Test
  void numbersAndVersionsAreNoTermsOfTheSite() {
    indexPages(3, i -> "© 2001 2023 release 3.11.2 of Feb 07 widget" + i + " py3k");

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
    indexPages(3, i -> "Widgets ship as packages, page " + i);
    SegmentDamage.overwriteLengthOf(dir, "Widgets ship as packages, page 1");

    assertThatThrownBy(() -> TermStats.top(dir, 5))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the index in " + dir + ": damaged: checksum failed (_0.cfs);"
            + " crawl again with --fresh to rebuild it");
  }
}
