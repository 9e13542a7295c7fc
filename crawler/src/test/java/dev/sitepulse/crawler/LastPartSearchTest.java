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
 * A function typed by its own name alone, as people look up {@code getcwd} or {@code dumps}, finds
 * the pages that define it under their module's name (Sphinx ids it {@code os.getcwd}), which
 * write it only whole, ahead of the pages whose prose says the word.
 */
class LastPartSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static final String OS = "<html><head><title>os — Operating system interfaces</title></head><body>"
      + "<section id='module-os'><h1>os — Operating system interfaces</h1><p>" + "Portable access to the system. ".repeat(60) + "</p>"
      + "<section id='process-parameters'><h2>Process Parameters</h2><p>With os, os.environ is what os was started with.</p></section></section>"
      + "<dl><dt id='os.getcwd'>os.getcwd()</dt><dd>Return the current working directory.</dd></dl>"
      + "<dl><dt id='os.open'>os.open(path, flags)</dt><dd>Open a file descriptor.</dd></dl>"
      + "</body></html>";
  /** Short, and says the bare words in its prose. */
  private static final String TUTORIAL = "<html><head><title>Files tutorial</title></head><body>"
      + "<h1>Files tutorial</h1><p>Unlike the shell, Python has no pwd; people look for getcwd, or open a"
      + " file and print where it is. Open it again.</p></body></html>";
  private static final String BUILTINS = "<html><head><title>Built-in Functions</title></head><body>"
      + "<h1>Built-in Functions</h1><p>" + "Always available. ".repeat(60) + "</p>"
      + "<dl><dt id='open'>open(file, mode='r')</dt><dd>Open file and return a file object.</dd></dl>"
      + "</body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", "<html><head><title>Docs</title></head><body>"
        + "<a href='/library/os.html'>os</a> <a href='/tutorial/files.html'>files</a>"
        + " <a href='/library/functions.html'>built-ins</a></body></html>",
        "/library/os.html", OS, "/tutorial/files.html", TUTORIAL, "/library/functions.html", BUILTINS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aFunctionsOwnNameFindsAndLinksThePageThatDefinesItUnderItsModulesName() throws Exception {
    List<SearchHit> hits = searcher.search("getcwd", 10).hits();

    assertThat(hits).extracting(SearchHit::link).startsWith(
        CrawledDocs.url(site, "/library/os.html") + "#os.getcwd", CrawledDocs.url(site, "/tutorial/files.html"));
    assertThat(hits.get(0).definition()).isTrue();
  }

  @Test
  void aNameSomePageDefinesAsItselfGoesThereNotToEveryPageDefiningItAsALastPart() throws Exception {
    assertThat(searcher.search("open", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/library/functions.html") + "#open");
  }

  @Test
  void aQueryOfTheModuleAPageDefinesLinksToThePageNotToTheSectionOfItsSnippet() throws Exception {
    SearchHit os = searcher.search("os", 10).hits().get(0);

    assertThat(os.url()).isEqualTo(CrawledDocs.url(site, "/library/os.html"));
    assertThat(os.snippet()).contains("With os, os.environ");
    assertThat(os.anchor()).isNull();
  }

  @Test
  void amongOtherWordsALastPartIsOnlyAWord() throws Exception {
    assertThat(searcher.search("getcwd pwd", 10).hits()).extracting(SearchHit::url)
        .containsExactly(CrawledDocs.url(site, "/tutorial/files.html"));
  }
}
