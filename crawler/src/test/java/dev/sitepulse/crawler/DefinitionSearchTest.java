package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name as API docs define it (os.path.join, KeyError) is searched for the page that defines it:
 * Sphinx, javadoc and rustdoc give each definition an id of that name. A crawl of pages shaped as
 * the Python docs are.
 */
class DefinitionSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /** A module's reference page: long, and naming each definition once, in its signature. */
  private static final String REFERENCE = "<html><head><title>shapes — Geometric shapes</title></head><body>"
      + "<h1>shapes — Geometric shapes</h1>"
      + "<p>" + "This module computes lengths, areas and angles of plane figures. ".repeat(60) + "</p>"
      + "<dl><dt id='shapes.Circle.area'>shapes.Circle.area()</dt><dd>Return the area of the circle.</dd></dl>"
      + "<dl><dt id='ShapeError'>exception ShapeError</dt><dd>Raised for a figure that cannot exist.</dd></dl>"
      + "<dl><dt id='shapes.Circle.scaleFactor'>shapes.Circle.scaleFactor()</dt><dd>How much the circle grew.</dd></dl>"
      + "<p>" + "Figures are immutable; transform them to make new ones. ".repeat(60) + "</p>"
      + "</body></html>";
  /** Short pages that use the names in examples, more often than the reference names them. */
  private static final String HOWTO = "<html><head><title>Drawing HOWTO</title></head><body>"
      + "<p>Fill a circle: paint(shapes.Circle.area(c)); then print(shapes.Circle.area(c)). A bad radius"
      + " raises ShapeError; catch ShapeError around the call.</p></body></html>";
  private static final String FAQ = "<html><head><title>FAQ</title></head><body>"
      + "<p>Why is shapes.Circle.area slow for a big circle? It is not. What is ShapeError? An error.</p>"
      + "<div id='ShapeError-note'></div></body></html>";
  /**
   * Has the id, but not the word: found by a query of that one name (it defines it), only ranked
   * higher by a query of more words.
   */
  private static final String ID_ONLY = "<html><head><title>Changelog</title></head><body>"
      + "<p>Version 2 renamed a method.</p><span id='shapes.Circle.area'></span></body></html>";

  /** A Sphinx module page: the module's id, and a heading "Module contents" that Sphinx ids alike (ApiNamesTest). */
  private static final String MODULE = "<html><head><title>plane — Flat geometry</title></head><body>"
      + "<section id='module-plane'><h1>plane — Flat geometry</h1><p>" + "Points and lines. ".repeat(80) + "</p>"
      + "<section id='module-contents'><h2>Module contents</h2><p>One class.</p></section></section>"
      + "</body></html>";
  /**
   * Sphinx's built-ins: each a definition term whose id is a plain word, among headings whose ids
   * are plain words too ("examples").
   */
  private static final String BUILTINS = "<html><head><title>Built-in Functions</title></head><body>"
      + "<section id='built-in-functions'><h1>Built-in Functions</h1><p>" + "Always available. ".repeat(80) + "</p>"
      + "<dl><dt id='rotate'>rotate(figure, angle)</dt><dd>Turn a figure about its centre.</dd></dl>"
      + "<section id='examples'><h2>Examples</h2><p>Rotate and scale a square.</p></section></section>"
      + "</body></html>";
  /** Short, and says "rotate" and "examples" often. */
  private static final String ROTATE_HOWTO = "<html><head><title>Turning HOWTO</title></head><body>"
      + "<h1>Turning HOWTO</h1><p>To rotate, call rotate. Rotate twice to rotate back. Examples, examples.</p>"
      + "</body></html>";
  /** Short, and has each word of "circle scale factor" apart, more than once. */
  private static final String SCALING_HOWTO = "<html><head><title>Scaling HOWTO</title></head><body>"
      + "<h1>Scaling HOWTO</h1><p>Scale a circle by a factor. A circle scaled twice has a scale factor of four."
      + " Factor in the circle's centre when you scale.</p></body></html>";
  /** Shorter, and says "plane" far more often than the module page. */
  private static final String PLANE_HOWTO = "<html><head><title>Plane HOWTO</title></head><body>"
      + "<h1>Plane HOWTO</h1><p>A plane is flat. Draw on the plane; the plane has no end. Fold the plane.</p>"
      + "</body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", "<html><head><title>Docs</title></head><body>"
        + "<a href='/library/shapes.html'>shapes</a> <a href='/howto/drawing.html'>drawing</a>"
        + " <a href='/faq.html'>faq</a> <a href='/changelog.html'>changes</a>"
        + " <a href='/library/plane.html'>plane</a> <a href='/howto/plane.html'>plane howto</a>"
        + " <a href='/library/functions.html'>built-ins</a> <a href='/howto/turning.html'>turning</a>"
        + " <a href='/howto/scaling.html'>scaling</a></body></html>",
        "/howto/scaling.html", SCALING_HOWTO,
        "/library/functions.html", BUILTINS, "/howto/turning.html", ROTATE_HOWTO, "/library/plane.html", MODULE,
        "/howto/plane.html", PLANE_HOWTO, "/library/shapes.html", REFERENCE, "/howto/drawing.html", HOWTO,
        "/faq.html", FAQ, "/changelog.html", ID_ONLY));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aDottedNameFindsThePageThatDefinesItFirstAheadOfShorterPagesThatUseIt() throws Exception {
    assertThat(urls("shapes.Circle.area")).containsExactly(url("/library/shapes.html"),
        url("/changelog.html"), url("/howto/drawing.html"), url("/faq.html"));
    assertThat(urls("shapes.Circle.area circle")).as("more words: the id ranks, it makes no match")
        .doesNotContain(url("/changelog.html"));
  }

  @Test
  void aMethodWrittenWithoutItsModuleFindsAndLinksToItsDefinition() throws Exception {
    List<SearchHit> hits = searcher.search("Circle.area", 10).hits();

    // The reference and the changelog both define it (an id each) and nothing else matches: they
    // tie, and a tie's order is the index's, which the crawl's order decides.
    assertThat(hits).extracting(SearchHit::link).containsExactlyInAnyOrder(
        url("/library/shapes.html") + "#shapes.Circle.area", url("/changelog.html") + "#shapes.Circle.area");
  }

  @Test
  void anExceptionsCamelCasedNameFindsThePageThatDefinesItFirst() throws Exception {
    assertThat(urls("ShapeError").get(0)).isEqualTo(url("/library/shapes.html"));
  }

  @Test
  void aDottedNameTypedInLowerCaseFindsThePageThatDefinesItFirst() throws Exception {
    assertThat(urls("shapes.circle.area").get(0)).isEqualTo(url("/library/shapes.html"));
  }

  @Test
  void aDefinedNameAmongOtherWordsStillRanksItsPageFirst() throws Exception {
    assertThat(urls("shapes.Circle.area circle").get(0)).isEqualTo(url("/library/shapes.html"));
  }

  @Test
  void aRequiredGroupedOrFieldNameCountsButAnExcludedOneDoesNot() throws Exception {
    assertThat(urls("+ShapeError").get(0)).isEqualTo(url("/library/shapes.html"));
    assertThat(urls("(ShapeError OR circle)").get(0)).isEqualTo(url("/library/shapes.html"));
    assertThat(urls("body:ShapeError").get(0)).isEqualTo(url("/library/shapes.html"));
    // The changelog has the id of shapes.Circle.area, not the words: only a lookup would link it.
    List<SearchHit> hits = searcher.search("version NOT shapes.Circle.area", 10).hits();
    assertThat(hits).extracting(SearchHit::url).contains(url("/changelog.html"));
    assertThat(hits).noneMatch(SearchHit::definition);
  }

  @Test
  void aModulesBareNameFindsThePageThatDefinesItAheadOfAShorterPageThatSaysItMore() throws Exception {
    assertThat(urls("plane")).startsWith(url("/library/plane.html"), url("/howto/plane.html"));
    assertThat(urls("plane howto").get(0)).as("among other words it is a word").isEqualTo(url("/howto/plane.html"));
  }

  @Test
  void theHitThatDefinesTheNameLinksToItsDefinitionAsThePageWritesItsId() throws Exception {
    List<SearchHit> hits = searcher.search("shapes.circle.area", 10).hits();

    assertThat(hits.get(0).link()).isEqualTo(url("/library/shapes.html") + "#shapes.Circle.area");
    assertThat(hits).filteredOn(h -> h.url().contains("/howto/") || h.url().contains("/faq"))
        .as("pages that only use the name link to no definition").noneMatch(SearchHit::definition);
    assertThat(searcher.search("figures immutable", 10).hits()).as("no name typed, no definition to go to")
        .isNotEmpty().noneMatch(SearchHit::definition);
  }

  @Test
  void aBuiltInsPlainNameFindsAndLinksToItsDefinitionTermButAHeadingsIdDoesNot() throws Exception {
    List<SearchHit> hits = searcher.search("rotate", 10).hits();

    assertThat(hits.get(0).link()).isEqualTo(url("/library/functions.html") + "#rotate");
    assertThat(searcher.search("examples", 10).hits()).as("a section's id is no definition")
        .isNotEmpty().noneMatch(SearchHit::definition);
  }

  @Test
  void aMalformedQueryOfOneDefinedNameIsAnErrorAsAnyOtherIs() throws Exception {
    for (String query : new String[] {"rotate(", "rotate)", "rotate\"", "rotate~2.5", "rotate^"}) {
      assertThatThrownBy(() -> searcher.search(query, 10)).as(query).isInstanceOf(InvalidQueryException.class)
          .hasMessageStartingWith("cannot parse query ");
    }
    assertThat(searcher.search("rotate", 10).hits()).isNotEmpty();
  }

  @Test
  void aNameTypedWithSpacesForDotsFindsAndLinksToItsDefinition() throws Exception {
    // As people type API names into a search box: os path join, asyncio gather.
    List<SearchHit> hits = searcher.search("shapes circle area", 10).hits();

    assertThat(hits.get(0).link()).isEqualTo(url("/library/shapes.html") + "#shapes.Circle.area");
    assertThat(searcher.search("circle area", 10).hits().get(0).link()).as("its tail, as Circle.area")
        .isEqualTo(url("/library/shapes.html") + "#shapes.Circle.area");
    assertThat(searcher.search("how do i get the area with the shapes circle area method", 10).hits().get(0).link())
        .as("a name at the end of a question").isEqualTo(url("/library/shapes.html") + "#shapes.Circle.area");
  }

  @Test
  void wordsTypedForANamesDottedAndCamelCasedPartsFindAndLinkItsDefinitionFirst() throws Exception {
    // As logging basic config for logging.basicConfig: the reference page never has scale or
    // factor apart, the HOWTO has every word.
    List<SearchHit> hits = searcher.search("circle scale factor", 10).hits();

    assertThat(hits.get(0).link()).isEqualTo(url("/library/shapes.html") + "#shapes.Circle.scaleFactor");
    assertThat(hits).extracting(SearchHit::url).contains(url("/howto/scaling.html"));
  }

  @Test
  void theSnippetMarksTheNameTheSpacedWordsJoinInto() throws Exception {
    // The analyzer keeps shapes.Circle.area one word: the words alone never mark it.
    SearchHit hit = searcher.search("shapes circle area", 10).hits().get(0);

    assertThat(hit.highlights()).extracting(h -> hit.snippet().substring(h.start(), h.end()))
        .contains("shapes.Circle.area");
  }

  private static List<String> urls(String query) throws Exception {
    SearchResults results = searcher.search(query, 10);
    return results.hits().stream().map(SearchHit::url).toList();
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
