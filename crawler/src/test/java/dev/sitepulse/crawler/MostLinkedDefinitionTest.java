package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The definition most pages link to by a name is the one a query of that name means: on the Python
 * docs, 56 pages link to the builtin open() as "open()", three to aifc.open(), and yet "open file"
 * ranked the builtin 46th, on a page that documents sixty other builtins and says "file" less often
 * than the module pages do.
 */
class MostLinkedDefinitionTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String builtins() {
    StringBuilder names = new StringBuilder("<dl>");
    for (String name : List.of("abs", "all", "any", "ascii", "bin", "bool", "callable", "chr", "dir", "divmod",
        "eval", "exec", "filter", "format", "hash", "hex")) {
      names.append("<dt id='").append(name).append("'>").append(name).append("(x)</dt><dd>")
          .append("Return a value computed from x, as the language defines it for each kind of object. ".repeat(3))
          .append("</dd>");
    }
    names.append("<dt id='open'>open(file)</dt><dd>Open file and return a corresponding file object.</dd>");
    return "<html><head><title>Built-in Functions</title></head><body><h1>Built-in Functions</h1>" + names
        + "</dl></body></html>";
  }

  /** A module's page: short, and about opening its kind of file. */
  private static String module(String name) {
    return "<html><head><title>" + name + " — Sound formats</title></head><body><h1>" + name
        + " — Sound formats</h1><p>This module opens " + name + " files.</p><dl><dt id='"
        + name + ".open'>" + name + ".open(file, mode)</dt><dd>Open the file named file and return an object that reads or writes"
        + " it.</dd></dl></body></html>";
  }

  /** A tutorial page that links to a definition by its name: files are a word of most pages, as on real docs. */
  private static String tutorial(int n, String href, String name) {
    return "<html><head><title>Tutorial part " + n + "</title></head><body><h1>Tutorial part " + n + "</h1><p>"
        + "This part of the tutorial shows loops, functions, classes and files with examples. ".repeat(5)
        + " See <a href='" + href + "'>" + name + "</a> for more.</p></body></html>";
  }

  @BeforeAll
  static void crawl() throws Exception {
    Map<String, String> pages = new HashMap<>();
    pages.put("/library/functions.html", builtins());
    pages.put("/library/aifc.html", module("aifc"));
    pages.put("/library/wave.html", module("wave"));
    for (int n = 0; n < 40; n++) {
      pages.put("/tutorial/part" + n + ".html", tutorial(n, "../library/functions.html#open", "open()"));
    }
    pages.put("/tutorial/audio.html", tutorial(12, "../library/aifc.html#aifc.open", "aifc.open()"));
    // Linked by a bare word, which a sentence uses as often as a name: no weight, unlike one aifc.open().
    for (int n = 0; n < 5; n++) {
      pages.put("/howto/wave" + n + ".html", tutorial(100 + n, "../library/wave.html#wave.open", "open"));
    }
    searcher = CrawledDocs.crawlAmongOtherModules(site, data, pages);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void theDefinitionMostPagesLinkToByTheQuerysNameRanksFirst() throws Exception {
    assertThat(searcher.search("open file", 3).hits()).extracting(SearchHit::url)
        .first().isEqualTo(CrawledDocs.url(site, "/library/functions.html"));
  }

  @Test
  void oneLinkByTheNameWrittenAsCodeOutweighsFiveByABareWord() throws Exception {
    List<String> ranked = searcher.search("open file", 10).hits().stream().map(SearchHit::url).toList();

    assertThat(ranked.indexOf(CrawledDocs.url(site, "/library/aifc.html"))).isNotNegative()
        .isLessThan(ranked.indexOf(CrawledDocs.url(site, "/library/wave.html")));
  }
}
