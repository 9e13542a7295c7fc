package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book mdBook made, as The Rust Programming Language is: chapters of prose and code that write
 * Rust's paths ({@code Vec::new}) and define no names. Pages shaped as mdBook 0.4's, cut down.
 */
class MdBookSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String chapter(String title, String content) {
    return "<!DOCTYPE HTML><html lang='en'><head><!-- Book generated using mdBook --><meta charset='UTF-8'>"
        + "<title>" + title + " - The Book</title></head><body>"
        + "<nav id='sidebar' class='sidebar'><ol class='chapter'><li><a href='vectors.html'>Vectors</a></li>"
        + "<li><a href='strings.html'>Strings</a></li><li><a href='hello-cargo.html'>Hello, Cargo!</a></li></ol></nav><div id='page-wrapper' class='page-wrapper'><div class='page'>"
        + "<div id='menu-bar' class='menu-bar sticky bordered'><ul id='theme-list' class='theme-popup' role='menu'>"
        + "<li role='none'><button role='menuitem' class='theme' id='ayu'>Ayu</button></li></ul>"
        + "<h1 class='menu-title'>The Book</h1></div><div id='content' class='content'><main>" + content
        + "</main></div></div></div></body></html>";
  }

  private static final String VECTORS = chapter("Storing Lists of Values with Vectors",
      "<h1 id='storing-lists-of-values-with-vectors'>Storing Lists of Values with Vectors</h1>"
      + "<p>Vectors allow you to store more than one value in a single data structure.</p>"
      + "<h2 id='creating-a-new-vector'>Creating a New Vector</h2><p>To create a new empty vector, we call the"
      + " <code>Vec::new</code> function, as shown in Listing 8-1.</p><pre><code class='language-rust'>"
      + "let v: Vec&lt;i32&gt; = Vec::new();</code></pre>"
      + "<h2 id='updating-a-vector'>Updating a Vector</h2><p>To add elements to it, we can use the push method. "
      + "The numbers we place inside are all of type i32, and Rust infers this from the data. ".repeat(20) + "</p>");
  private static final String STRINGS = chapter("Storing UTF-8 Encoded Text with Strings",
      "<h1 id='storing-utf-8-encoded-text-with-strings'>Storing UTF-8 Encoded Text with Strings</h1>"
      + "<p>A new vector of bytes holds a string; the string is new, and the vector too.</p>"
      + "<pre><code class='language-rust'>let s = String::from(\"initial contents\");</code></pre>");

  private static final String CARGO = chapter("Hello, Cargo!", "<h1 id='hello-cargo'>Hello, Cargo!</h1>"
      + "<p>Build the project with cargo build.</p><h2 id='building-for-release'>Building for Release</h2>"
      + "<p>When your project is finally ready for release, you can use <code>cargo build --release</code> to compile"
      + " it with optimizations.</p>");

  @BeforeAll
  static void crawlTheBook() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html",
        chapter("Introduction", "<h1 id='introduction'>Introduction</h1><p>This book teaches Rust.</p>"), "/vectors.html", VECTORS, "/hello-cargo.html", CARGO,
        "/strings.html", STRINGS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aPathTypedWithColonsFindsTheChapterThatWritesItAndLinksToItsSection() throws Exception {
    for (String query : new String[] {"Vec::new", "Vec::new()"}) {
      SearchResults results = searcher.search(query, 10);

      assertThat(results.hits()).as(query).extracting(SearchHit::link)
          .containsExactly(CrawledDocs.url(site, "/vectors.html#creating-a-new-vector"));
      assertThat(results.didYouMean()).as(query).isNull();
    }
    assertThat(searcher.search("String::from", 10).hits()).extracting(SearchHit::link)
        .containsExactly(CrawledDocs.url(site, "/strings.html"));
  }

  @Test
  void aCommandWithALongOptionFindsTheSectionThatShowsIt() throws Exception {
    assertThat(searcher.search("cargo build --release", 10).hits()).first().extracting(SearchHit::link)
        .isEqualTo(CrawledDocs.url(site, "/hello-cargo.html#building-for-release"));
  }

  @Test
  void aLongOptionInAGroupOrAfterAFieldIsItsTextAsWell() throws Exception {
    for (String query : new String[] {"cargo AND (build --release)", "(--release)", "body:--release"}) {
      assertThat(searcher.search(query, 10).hits()).as(query).extracting(SearchHit::link)
          .contains(CrawledDocs.url(site, "/hello-cargo.html#building-for-release"));
    }
  }

  @Test
  void theMenuBarIsInNoSnippet() throws Exception {
    assertThat(searcher.search("strings", 10).hits()).extracting(SearchHit::snippet)
        .isNotEmpty().noneMatch(snippet -> snippet.contains("Ayu") || snippet.contains("The Book"));
  }
}
