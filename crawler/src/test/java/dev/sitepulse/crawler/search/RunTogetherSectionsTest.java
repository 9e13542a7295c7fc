package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page with a section whose id is the query's words run together has them all. */
class RunTogetherSectionsTest {
  private static final String STRINGS = "https://docs.example/strings.html";
  private static final String PACKAGING = "https://docs.example/packaging.html";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexTwoPages() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        STRINGS, DocsSite.html("Strings", """
            <p>Strings hold text.</p>
            <section id="format-specification-mini-language"><span id="formatspec"></span>
            <h2>Format Specification Mini-Language</h2><p>A format specification says how a value is
            presented: its width, its fill, its alignment.</p></section>
            <section id="templates"><h2>Templates</h2><p>Templates substitute names.</p></section>"""),
        PACKAGING, DocsSite.html("Packaging", """
            <p>A package is built from a spec file.</p>
            <section id="archives"><h2>Archives</h2><p>The archive format follows the spec; the spec
            names each format.</p></section>"""))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aSectionLabelledWithTheWordsRunTogetherRanksAsAPageWithEveryWord() throws Exception {
    List<SearchHit> hits = searcher.search("format spec", 10).hits();

    assertThat(hits).extracting(SearchHit::url).containsExactly(STRINGS, PACKAGING);
    assertThat(hits.get(0).link()).as("the label, which is the words").isEqualTo(STRINGS + "#formatspec");
  }

  @Test
  void wordsThatRunTogetherIntoNoSectionRankByTheirText() throws Exception {
    assertThat(searcher.search("format templates", 10).hits()).extracting(SearchHit::url)
        .containsExactly(STRINGS, PACKAGING);
    assertThat(searcher.search("format archive", 10).hits().get(0).url()).isEqualTo(PACKAGING);
  }
}
