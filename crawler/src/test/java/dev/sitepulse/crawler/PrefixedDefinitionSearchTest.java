package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name that one page defines under an id of its own ({@code <dt id="print">}, Sphinx's built-in)
 * and another under an id that spells it after a prefix ({@code <dt id="to3fixer-print">print},
 * the 2to3 fixer of that name): the whole id is the name's definition. Pages shaped as the Python
 * docs' functions, 2to3 and traceback pages, cut down; on the real ones, the fixer and the page
 * titled "Print or retrieve a stack traceback" came before the built-in.
 */
class PrefixedDefinitionSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /** Long, as the built-ins' page is: each definition is a small part of it. */
  private static final String FUNCTIONS = "<html><head><title>Built-in Functions</title></head><body>"
      + "<section id='built-in-functions'><h1>Built-in Functions</h1><p>"
      + "The interpreter has a number of functions and types built into it that are always available. ".repeat(40)
      + "</p><dl class='py function'><dt class='sig sig-object py' id='print'>print(*objects, sep=' ', end='\\n')</dt>"
      + "<dd><p>Print objects to the text stream file, separated by sep and followed by end.</p></dd></dl>"
      + "<dl class='py function'><dt class='sig sig-object py' id='len'>len(s)</dt>"
      + "<dd><p>Return the length (the number of items) of an object.</p></dd></dl>"
      + "<p>" + "Each function takes its arguments by position or by keyword. ".repeat(40) + "</p></section></body></html>";
  /** Shorter, and says print in its fixer's text too. */
  private static final String FIXERS = "<html><head><title>2to3 — Automated code translation</title></head><body>"
      + "<section id='fixers'><h1>2to3 — Automated code translation</h1><p>"
      + "Each step of the transformation is encapsulated in a fixer. ".repeat(10) + "</p>"
      + "<dl class='std 2to3fixer'><dt class='sig sig-object std' id='to3fixer-print'>print</dt>"
      + "<dd><p>Converts the print statement to the print() function.</p></dd></dl>"
      + "<dl class='std 2to3fixer'><dt class='sig sig-object std' id='to3fixer-xrange'>xrange</dt>"
      + "<dd><p>Renames xrange() to range() and wraps existing range() calls with list.</p></dd></dl>"
      + "<dl class='std 2to3fixer'><dt class='sig sig-object std' id='to3fixer-raise'>raise</dt>"
      + "<dd><p>Converts raise E, V to raise E(V).</p></dd></dl>"
      + "</section></body></html>";
  /**
   * The language reference's statements, each section labelled by its keyword before its heading, as
   * Sphinx writes a reST label; long, as the real page is. The label {@code from} is no code of its heading.
   */
  private static final String STATEMENTS = "<html><head><title>7. Simple statements</title></head><body>"
      + "<section id='simple-statements'><h1>7. Simple statements</h1><p>"
      + "A simple statement is comprised within a single logical line. ".repeat(40) + "</p>"
      + "<section id='the-raise-statement'><span id='raise'></span><h2>7.8. The <code class='xref std std-keyword'>"
      + "<span class='pre'>raise</span></code> statement</h2><p>If no expressions are present, raise re-raises the"
      + " exception that is currently being handled.</p></section>"
      + "<section id='the-import-statement'><span id='from'></span><span id='import'></span><h2>7.11. The <code>import"
      + "</code> statement</h2><p>" + "The basic import statement finds a module, loads it and binds a name. ".repeat(20)
      + "</p></section><section id='the-for-statement'><span id='for'></span><h2>8.3. The <code>for</code> statement</h2>"
      + "<p>The for statement is used to iterate over the elements of a sequence.</p></section>"
      + "</section></body></html>";
  /** The name in its title and headings, as a word. */
  private static final String TRACEBACK = "<html><head><title>traceback — Print or retrieve a stack traceback"
      + "</title></head><body><section id='module-traceback'><h1>traceback — Print or retrieve a stack traceback</h1>"
      + "<p>" + "This module provides a standard interface to extract, format and print stack traces. ".repeat(8)
      + "</p><p>Print up to limit stack trace entries.</p></section></body></html>";
  /** Says xrange, and defines nothing. */
  private static final String PORTING = "<html><head><title>Porting HOWTO</title></head><body><h1>Porting HOWTO</h1>"
      + "<p>Replace xrange with range; xrange is gone, and range is lazy as xrange was.</p></body></html>";

  /** A name whose lower case is no identifier (İ is i and a combining dot): it failed the whole crawl. */
  private static final String OPTIONS = "<html><head><title>Command line options</title></head><body>"
      + "<h1>Command line options</h1><dl><dt id='opt-İd'>İd</dt><dd><p>Sets the id of the zorbulator.</p></dd></dl></body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawlAmongOtherModules(site, data, Map.of(
        "/library/functions.html", FUNCTIONS, "/library/2to3.html", FIXERS, "/library/traceback.html", TRACEBACK,
        "/howto/porting.html", PORTING, "/using/options.html", OPTIONS, "/reference/simple_stmts.html", STATEMENTS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aNameWhoseWholeIdIsItRanksAboveTheSameNameAfterAPrefixAndAboveATitleWord() throws Exception {
    List<SearchHit> hits = searcher.search("print", 10).hits();

    assertThat(hits.get(0).link()).isEqualTo(url("/library/functions.html") + "#print");
    assertThat(hits).extracting(SearchHit::link).as("the fixer is still found, and linked")
        .contains(url("/library/2to3.html") + "#to3fixer-print");
  }

  @Test
  void aKeywordASectionIsLabelledByRanksAboveTheFixerOfThatName() throws Exception {
    // Before: the fixer first; no id that is the keyword alone was read as its definition.
    SearchHit first = searcher.search("raise", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(url("/reference/simple_stmts.html") + "#raise");
    assertThat(first.definition()).isTrue();
    assertThat(searcher.search("from", 10).hits()).as("a label its heading does not write defines nothing")
        .noneMatch(SearchHit::definition);
  }

  @Test
  void aStopWordASectionIsLabelledByHasThatSectionsTextAsItsSnippet() throws Exception {
    // Before: the top of the page, as no word of the snippet's could be marked.
    SearchHit first = searcher.search("for", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(url("/reference/simple_stmts.html") + "#for");
    assertThat(first.snippet()).startsWith("8.3. The for statement The for statement is used to iterate");
  }

  @Test
  void aNameOnlyAnIdAfterAPrefixDefinesStillFindsThatDefinitionFirst() throws Exception {
    SearchHit first = searcher.search("xrange", 10).hits().get(0);

    assertThat(first.link()).isEqualTo(url("/library/2to3.html") + "#to3fixer-xrange");
    assertThat(first.definition()).isTrue();
  }

  @Test
  void aPageThatDefinesATurkishNameIsIndexedAndTheCrawlGoesOn() throws Exception {
    assertThat(searcher.search("zorbulator", 10).hits()).extracting(SearchHit::url)
        .containsExactly(url("/using/options.html"));
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
