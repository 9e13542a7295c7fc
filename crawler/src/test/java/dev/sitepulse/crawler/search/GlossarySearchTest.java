package dev.sitepulse.crawler.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query that is a glossary's term finds its entry, as the Python docs' glossary explains decorator. */
class GlossarySearchTest {
  private static final String SITE = "https://docs.example/";

  @TempDir static Path dir;
  static PageSearcher searcher;

  @BeforeAll
  static void indexAGlossaryAndPagesThatUseItsTerms() {
    StringBuilder glossary = new StringBuilder("<html><head><title>Glossary</title></head><body><h1>Glossary</h1><dl class=\"glossary\">");
    for (String term : List.of("annotation", "argument", "attribute", "bytecode", "callback", "coroutine", "dictionary",
        "docstring", "expression", "extension module", "file object", "function", "iterable", "iterator", "keyword argument",
        "method", "module", "namespace", "parameter", "sequence", "statement", "type hint")) {
      String id = "term-" + term.replace(' ', '-');
      glossary.append("<dt id=\"").append(id).append("\">").append(term).append("</dt><dd><p>See <a href=\"ref.html#")
          .append(id).append("\">the reference on ").append(term).append("</a> and <a href=\"faq.html\">the FAQ</a>.</p></dd>");
    }
    glossary.append("<dt id=\"term-context-manager\">context manager</dt><dd><p>An object which controls the environment"
        + " seen in a with statement by defining __enter__() and __exit__() methods. See <a href=\"ref.html\">PEP 343</a>."
        + "</p></dd><dt id=\"term-decorator\">decorator</dt><dd><p>A function returning another function, usually applied as"
        + " a function transformation using the @wrapper syntax. See <a href=\"ref.html\">function definitions</a>.</p></dd>"
        + "</dl></body></html>");
    searcher = PageSearcher.open(DocsSite.indexParsed(dir.resolve("index"), Map.of(
        SITE + "glossary.html", glossary.toString(),
        SITE + "howto/sorting.html", DocsSite.html("Sorting HOW TO", "<h2 id=\"dsu\">Decorate-Sort-Undecorate</h2><p>This idiom is"
            + " called Decorate-Sort-Undecorate: first the list is decorated with new values, then the decorated list is"
            + " sorted, and the decorations are removed.</p>"),
        SITE + "library/enum.html", DocsSite.html("enum — Support for enumerations", "<p>unique can be used as a decorator. A class"
            + " decorator specifically for enumerations; the decorator checks values.</p>"),
        SITE + "library/contextlib.html", DocsSite.html("contextlib — Utilities for with-statement contexts", "<p>A context manager"
            + " is entered by with. Each context manager here is also a decorator: use the context manager as a function"
            + " decorator, or a context manager in a with statement.</p>"),
        SITE + "pg/sql-vacuum.html", DocsSite.html("VACUUM", "<p>VACUUM reclaims storage occupied by dead tuples. Vacuum a table"
            + " regularly.</p>"),
        SITE + "pg/glossary.html", "<html><head><title>Glossary</title></head><body><h1>Glossary</h1><dl>"
            + "<dt id=\"GLOSSARY-VACUUM\">Vacuum</dt><dd><p>The process of removing outdated tuple versions from tables"
            + " (see <a href=\"sql-vacuum.html\">VACUUM</a>).</p></dd></dl></body></html>")));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aWordThatIsAGlossarysTermFindsItsEntryAmongTheFirstAndShowsIt() throws Exception {
    // The glossary, a page of links, came last: the stemmer's decor also matched Decorate-Sort-Undecorate.
    List<SearchHit> hits = searcher.search("decorator", 10).hits();

    SearchHit entry = hits.stream().filter(hit -> hit.url().equals(SITE + "glossary.html")).findFirst().orElseThrow();
    assertThat(hits.indexOf(entry)).isLessThan(3);
    assertThat(entry.anchor()).isEqualTo("term-decorator");
    assertThat(entry.snippet()).startsWith("decorator A function returning another function");
  }

  @Test
  void wordsThatAreAGlossarysTermLinkToItsEntry() throws Exception {
    SearchHit entry = searcher.search("context manager", 10).hits().stream()
        .filter(hit -> hit.url().equals(SITE + "glossary.html")).findFirst().orElseThrow();

    assertThat(entry.anchor()).isEqualTo("term-context-manager");
  }

  @Test
  void aPageTitledAsTheTermStillComesBeforeTheGlossarysEntry() throws Exception {
    assertThat(searcher.search("vacuum", 10).hits()).extracting(SearchHit::url)
        .containsExactly(SITE + "pg/sql-vacuum.html", SITE + "pg/glossary.html");
  }
}
