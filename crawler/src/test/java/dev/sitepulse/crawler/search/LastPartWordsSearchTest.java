package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words typed for a name that pages define only as the last part of a dotted one, run together
 * ({@code named tuple} for collections.namedtuple) or joined by underscores ({@code call soon
 * threadsafe} for asyncio.loop.call_soon_threadsafe), on pages shaped as the Python docs: the
 * pages that say the words more often came first.
 */
class LastPartWordsSearchTest {
  private static final String SITE = "https://docs.example/3/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  private static String definition(String id, String signature, String text) {
    return "<dl class=\"py function\"><dt class=\"sig sig-object py\" id=\"" + id + "\">" + signature
        + "</dt><dd><p>" + text + "</p></dd></dl>";
  }

  @BeforeAll
  static void indexPythonDocsPages() {
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        SITE + "library/collections.html", DocsSite.html("collections — Container datatypes",
            "<p>This module implements specialized container datatypes.</p>"
                + definition("collections.namedtuple", "collections.namedtuple(typename, field_names)",
                    "Returns a new tuple subclass named typename.")
                + definition("collections.defaultdict", "class collections.defaultdict(default_factory)",
                    "Returns a new dictionary-like object.")),
        SITE + "c-api/tuple.html", DocsSite.html("Tuple Objects", "<p>"
            + "This subtype of PyObject represents a Python tuple object. A struct sequence is a named tuple. ".repeat(6)
            + "</p>"),
        SITE + "library/dataclasses.html", DocsSite.html("dataclasses — Data Classes", "<p>"
            + "Mutable default values: a dict or list as a default value is shared. ".repeat(6) + "</p>"),
        SITE + "library/asyncio-eventloop.html", DocsSite.html("Event Loop",
            "<p>The event loop is the core of every asyncio application. Call its methods from its thread.</p>"
                + definition("asyncio.loop.run_until_complete", "loop.run_until_complete(future)",
                    "Run until the future has completed.")
                + definition("asyncio.loop.call_soon_threadsafe", "loop.call_soon_threadsafe(callback)",
                    "A thread-safe variant of call_soon.")),
        SITE + "library/idle.html", DocsSite.html("IDLE", "<p>"
            + "Import statements have no effect until one runs the file; completions complete names. ".repeat(6) + "</p>"),
        SITE + "c-api/call.html", DocsSite.html("Call Protocol", "<p>"
            + "To call an object, use PyObject_Call() or another call API; calls made soon return. ".repeat(6) + "</p>"))));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void wordsRunTogetherFindThePageThatDefinesANameEndingSoAndLinkTheDefinition() throws Exception {
    assertFirst("named tuple", "library/collections.html", "collections.namedtuple");
    assertFirst("default dict", "library/collections.html", "collections.defaultdict");
  }

  @Test
  void wordsJoinedByUnderscoresFindThePageThatDefinesANameEndingSoAndLinkTheDefinition() throws Exception {
    assertFirst("run until complete", "library/asyncio-eventloop.html", "asyncio.loop.run_until_complete");
    assertFirst("call soon threadsafe", "library/asyncio-eventloop.html", "asyncio.loop.call_soon_threadsafe");
  }

  @Test
  void amongOtherWordsSuchANameLinksItsDefinition() throws Exception {
    assertThat(searcher.search("how to call soon threadsafe", 10).hits())
        .filteredOn(hit -> hit.url().equals(SITE + "library/asyncio-eventloop.html"))
        .extracting(SearchHit::anchor).containsExactly("asyncio.loop.call_soon_threadsafe");
  }

  private static void assertFirst(String query, String path, String anchor) throws Exception {
    SearchHit first = searcher.search(query, 10).hits().get(0);

    assertThat(first.url()).as(query).isEqualTo(SITE + path);
    assertThat(first.anchor()).as(query).isEqualTo(anchor);
  }
}
