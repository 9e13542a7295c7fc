package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import java.nio.file.Path;
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

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawlAmongOtherModules(site, data, Map.of(
        "/library/functions.html", FUNCTIONS, "/c-api/mapping.html", MAPPING, "/library/mmap.html", MMAP));
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
  void amongOtherWordsTheTitleStillCounts() throws Exception {
    assertThat(searcher.search("map protocol", 10).hits().get(0).link()).startsWith(url("/c-api/mapping.html"));
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
