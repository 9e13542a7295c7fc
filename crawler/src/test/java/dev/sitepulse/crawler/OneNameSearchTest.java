package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of one name and nothing else asks for its definition, even where another page's title,
 * headings and text have a word that stems as the name does: on the Python docs c-api's "Mapping
 * Protocol" came before the built-in {@code map}, hashlib's "Secure hashes" before {@code hash}.
 * Pages shaped as those, cut down, among module pages that neither define nor say the names.
 */
class OneNameSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /** Long, as the built-ins' page is: each definition is a small part of it. */
  private static final String FUNCTIONS = "<html><head><title>Built-in Functions</title></head><body>"
      + "<section id='built-in-functions'><h1>Built-in Functions</h1><p>"
      + "The interpreter has a number of functions and types built into it that are always available. ".repeat(40)
      + "</p><dl class='py function'><dt class='sig sig-object py' id='map'>map(function, iterable, *iterables)</dt>"
      + "<dd><p>Return an iterator that applies function to every item of iterable, yielding the results.</p></dd></dl>"
      + "<dl class='py class'><dt class='sig sig-object py' id='slice'>class slice(start, stop, step=None)</dt>"
      + "<dd><p>Return a slice object representing the set of indices specified by range(start, stop, step).</p></dd></dl>"
      + "<p>" + "Each function takes its arguments by position or by keyword. ".repeat(40) + "</p></section></body></html>";
  /** The word, stemmed, in its title, headings and text: a page about mappings, not map(). */
  private static final String MAPPING = "<html><head><title>Mapping Protocol</title></head><body>"
      + "<section id='mapping-protocol'><h1>Mapping Protocol</h1><p>See also PyObject_GetItem and the mappings"
      + " of the dictionary objects. " + "Each function takes a reference to an object and returns a new one. ".repeat(10)
      + "</p><dl class='c function'><dt id='c.PyMapping_Check'>"
      + "int PyMapping_Check(PyObject *o)</dt><dd><p>Return 1 if the object provides the mapping protocol.</p></dd>"
      + "<dt id='c.PyMapping_Size'>Py_ssize_t PyMapping_Size(PyObject *o)</dt><dd><p>Returns the number of keys in"
      + " the mapping.</p></dd></dl></section></body></html>";

  /** The word, stemmed, in its title too, as most words are in more than one title. */
  private static final String MMAP = "<html><head><title>mmap — Memory-mapped file support</title></head><body>"
      + "<section id='module-mmap'><h1>mmap — Memory-mapped file support</h1><p>"
      + "Memory-mapped file objects behave like both bytearray and like file objects. ".repeat(5) + "</p>"
      + "<dl><dt id='mmap.mmap'>class mmap.mmap(fileno, length)</dt><dd><p>Maps length bytes from the file.</p></dd></dl>"
      + "</section></body></html>";

  /** The built-in constants site adds, each a line: a word another page's title has itself. */
  private static final String CONSTANTS = "<html><head><title>Built-in Constants</title></head><body>"
      + "<section id='built-in-constants'><h1>Built-in Constants</h1><p>A small number of constants live in the"
      + " built-in namespace.</p><dl class='py data'><dt class='sig sig-object py' id='False'>False</dt><dd><p>The false"
      + " value of the bool type. Assignments to False are illegal and raise a SyntaxError.</p></dd>"
      + "<dt class='sig sig-object py' id='None'>None</dt><dd><p>An object frequently used to represent the absence of a"
      + " value, as when default arguments are not passed to a function.</p></dd>"
      + "<dt class='sig sig-object py' id='NotImplemented'>NotImplemented</dt><dd><p>A special value which should be"
      + " returned by the binary special methods to indicate that the operation is not implemented with respect to the"
      + " other type.</p></dd></dl><section id='constants-added-by-the-site-module'><h2>Constants added by the site module</h2>"
      + "<dl class='py data'><dt class='sig sig-object py' id='copyright'>copyright</dt><dt class='sig sig-object py'"
      + " id='credits'>credits</dt><dd><p>Objects that when printed or called, print the text of copyright or credits,"
      + " respectively.</p></dd></dl><dl class='py data'><dt class='sig sig-object py' id='license'>license</dt><dd><p>"
      + "Object that when printed, prints the message Type license() to see the full license text, and when called,"
      + " displays the full license text in a pager-like fashion (one screen at a time).</p></dd></dl></section>"
      + "</section></body></html>";
  /** The page the word is the title of, long, as the licenses' texts are. */
  private static final String LICENSE = "<html><head><title>History and License</title></head><body>"
      + "<section id='history-and-license'><h1>History and License</h1><section id='history-of-the-software'>"
      + "<h2>History of the software</h2><p>" + "Python was created in the early 1990s at CWI in the Netherlands. ".repeat(20)
      + "</p></section><section id='terms-and-conditions'><h2>Terms and conditions for accessing or otherwise using"
      + " Python</h2><p>" + "Python software and documentation are licensed under the PSF License Agreement. ".repeat(10)
      + "</p><section id='psf-license-agreement'><h3>PSF License Agreement for Python</h3><p>"
      + "Licensee agrees to be bound by the terms and conditions of this License Agreement. ".repeat(30)
      + "</p></section><section id='beopen-license'><h3>BeOpen.com License Agreement for Python 2.0</h3><p>"
      + "BeOpen hereby grants Licensee a non-exclusive, royalty-free, world-wide license. ".repeat(10)
      + "</p></section><section id='cnri-license'><h3>CNRI License Agreement for Python 1.6.1</h3><p>"
      + "CNRI hereby grants Licensee a nonexclusive, royalty-free, world-wide license. ".repeat(10)
      + "</p></section></section></section></body></html>";
  private static final String COPYRIGHT = "<html><head><title>Copyright</title></head><body><section id='copyright'>"
      + "<h1>Copyright</h1><p>Python and this documentation is: Copyright © 2001-2023 Python Software Foundation."
      + " All rights reserved. Copyright © 2000 BeOpen.com. All rights reserved. Copyright © 1995-2000 Corporation for"
      + " National Research Initiatives. All rights reserved.</p><p>See History and License for complete license and"
      + " permissions information.</p></section></body></html>";

  /** The page its URL names by the word, titled with it, and the C API of another thing of that name. */
  private static final String SLICE_OBJECTS = "<html><head><title>Slice Objects</title></head><body>"
      + "<section id='slice-objects'><h1>Slice Objects</h1><dl class='c var'><dt id='c.PySlice_Type'>PyTypeObject"
      + " PySlice_Type</dt><dd><p>The type object for slice objects.</p></dd><dt id='c.PySlice_New'>PyObject"
      + " *PySlice_New(PyObject *start, PyObject *stop, PyObject *step)</dt><dd><p>Return a new slice object with the"
      + " given values; a slice of start, stop and step.</p></dd></dl>"
      + "<p>" + "Return 0 on success and -1 on error with an exception set, as the other functions do. ".repeat(10) + "</p>"
      + "</section><section id='ellipsis-object'><h2>Ellipsis Object</h2><dl class='c var'><dt id='c.Py_Ellipsis'>"
      + "PyObject *Py_Ellipsis</dt><dd><p>The Python Ellipsis object. This object has no methods.</p></dd></dl></section>"
      + "</body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawlAmongOtherModules(site, data, Map.of(
        "/library/functions.html", FUNCTIONS, "/c-api/mapping.html", MAPPING, "/library/mmap.html", MMAP,
        "/library/constants.html", CONSTANTS, "/license.html", LICENSE, "/copyright.html", COPYRIGHT,
        "/c-api/slice.html", SLICE_OBJECTS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aNameAloneFindsItsDefinitionBeforeAPageWhoseTitleHasAWordThatStemsAlike() throws Exception {
    assertThat(searcher.search("map", 10).hits().get(0).link()).isEqualTo(url("/library/functions.html") + "#map");
  }

  @Test
  void aNameAloneFindsThePageWhoseTitleHasTheWordItselfBeforeADefinitionOfALine() throws Exception {
    // The built-in constants license and copyright print a line that points to these pages.
    assertThat(searcher.search("license", 10).hits().get(0).url()).isEqualTo(url("/license.html"));
    assertThat(searcher.search("copyright", 10).hits().get(0).url()).isEqualTo(url("/copyright.html"));
    assertThat(searcher.search("credits", 10).hits().get(0).link()).as("no title has it")
        .isEqualTo(url("/library/constants.html") + "#credits");
  }

  @Test
  void aPageNamedForTheWordThatDefinesNamesOfItsOwnIsAnotherThingOfTheName() throws Exception {
    assertThat(searcher.search("slice", 10).hits().get(0).link()).isEqualTo(url("/library/functions.html") + "#slice");
  }

  @Test
  void aWhereFilterThatEveryPagePassesLeavesTheRankingAsItWas() throws Exception {
    for (String query : new String[] {"map", "license", "slice", "map protocol"}) {
      List<String> alone = ranked(query);
      assertThat(alone).isNotEmpty();
      assertThat(ranked("host:127.0.0.1 " + query)).as(query).isEqualTo(alone);
      assertThat(ranked(query + " status:200 host:127.0.0.1")).as(query).isEqualTo(alone);
    }
  }

  /** Each hit's link and score. */
  private static List<String> ranked(String query) throws Exception {
    return searcher.search(query, 10).hits().stream().map(h -> h.link() + " " + h.score()).toList();
  }

  @Test
  void amongOtherWordsTheTitleStillCounts() throws Exception {
    assertThat(searcher.search("map protocol", 10).hits().get(0).link()).startsWith(url("/c-api/mapping.html"));
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
