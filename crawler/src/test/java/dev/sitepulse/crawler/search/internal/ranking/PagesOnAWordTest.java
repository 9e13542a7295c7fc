package dev.sitepulse.crawler.search.internal.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.DocsSite;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of a site's own on a word, on a site so small that one page is half of them. */
class PagesOnAWordTest {
  private static final String SITE = "https://docs.example/";
  /**
   * An id a theme puts on every page, which defines nothing of the page's: Docusaurus wraps each
   * page in it (a Sphinx theme's {@code <script id="documentation_options">} no longer reaches the
   * index, but an index an earlier version wrote has it on every page).
   */
  private static final String THEME = "<div id='__docusaurus'></div>";

  @TempDir Path dir;

  @Test
  void onASiteOfTwoPagesAPageNamedForTheWordThatDefinesANameOfItsOwnIsAnotherThingOfTheName() throws Exception {
    // Before: c.PySlice_New, on one page of two, counted as on half the pages, as a theme's id.
    assertThat(exist("slice", Map.of(
        SITE + "c-api/slice.html", DocsSite.html("Slice Objects", THEME + "<dl class='c function'>"
            + "<dt id='c.PySlice_New'>PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step)</dt>"
            + "<dd><p>Return a new slice object with the given values.</p></dd></dl>"),
        SITE + "library/functions.html", DocsSite.html("Built-in Functions", THEME + "<dl class='py class'>"
            + "<dt id='slice'>class slice(start, stop, step=None)</dt><dd><p>Return a slice object.</p></dd></dl>"))))
        .isFalse();
  }

  @Test
  void onASiteOfTwoPagesANameOnBothIsTheThemesAndThePageNamedForTheWordIsOnIt() throws Exception {
    assertThat(exist("license", Map.of(
        SITE + "license.html", DocsSite.html("History and License", THEME
            + "<p>Python software and documentation are licensed under the PSF License Agreement.</p>"),
        SITE + "library/constants.html", DocsSite.html("Built-in Constants", THEME + "<dl class='py data'>"
            + "<dt id='license'>license</dt><dd><p>Prints the full license text when called.</p></dd></dl>"))))
        .isTrue();
  }

  @Test
  void aPageNamedForTheWordWhoseDefinitionTermsHaveNoIdsDefinesNoNameOfItsOwn() throws Exception {
    // Before: list.sort, a term without an id (kept as §list.sort), was looked up as an id no page
    // has, and so counted as a name of the page's own.
    assertThat(exist("sorting", Map.of(
        SITE + "howto/sorting.html", DocsSite.html("Sorting Techniques", THEME + """
            <section id="sorting-basics"><h2>Sorting Basics</h2>
            <p>Python lists have a built-in method that modifies the list in-place.</p>
            <dl class="py method"><dt class="sig sig-object py"><span class="sig-prename descclassname">
            <span class="pre">list.</span></span><span class="sig-name descname"><span class="pre">sort</span>
            </span><span class="sig-paren">(</span><span class="sig-paren">)</span></dt>
            <dd><p>Sort the items of the list in place.</p></dd></dl></section>"""),
        SITE + "library/functions.html", DocsSite.html("Built-in Functions", THEME + "<dl class='py function'>"
            + "<dt id='sorted'>sorted(iterable)</dt><dd><p>Return a new sorted list.</p></dd></dl>"))))
        .isTrue();
  }

  private boolean exist(String word, Map<String, String> pages) throws Exception {
    DocsSite.indexParsed(dir, pages);
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      return PagesOnAWord.exist(word, reader, new HitFields(reader));
    }
  }
}
