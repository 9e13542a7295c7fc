package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members searched on a site TypeDoc generated, as rxjs's API docs are: a member's id is its name
 * lower-cased, a plain word as often, and the index lists every export under an id of its name.
 * Pages shaped as TypeDoc 0.28's default theme writes them, cut down.
 */
class TypedocSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String page(String title, String contents) {
    return "<html class='default'><head><title>" + title + " | rxjs</title></head><body>"
        + "<header class='tsd-page-toolbar'><a href='index.html' class='title'>rxjs</a></header>"
        + "<div class='container container-main'><div class='col-content'>" + contents + "</div>"
        + "<div class='col-sidebar'><div class='page-menu'><div class='tsd-navigation settings'><h3>Settings</h3></div>"
        + "</div></div></div><footer><p class='tsd-generator'>Generated using TypeDoc</p></footer></body></html>";
  }

  private static String item(String kind, String name, String prose, String members) {
    return page(name, "<div class='tsd-page-title'><h1>" + kind + " " + name + "&lt;T&gt;</h1></div>"
        + "<section class='tsd-panel tsd-comment'><p>" + prose + "</p></section>" + members);
  }

  private static String member(String section, String name, String doc) {
    String id = name.toLowerCase();
    return "<section class='" + section + "'><h3 class='tsd-anchor-link' id='" + id + "'><span>" + name + "</span>"
        + "<a href='#" + id + "' class='tsd-anchor-icon'></a></h3><div class='tsd-signature'>" + name
        + "(): Observable&lt;T&gt;</div><div class='tsd-comment'><p>" + doc + "</p></div></section>";
  }

  private static final String OBSERVABLE = item("Class", "Observable", "A representation of any set of values over"
      + " any amount of time. " + "This is the most basic building block of RxJS. ".repeat(40),
      member("tsd-panel tsd-member", "pipe", "Used to stitch together functional operators into a chain.")
          + member("tsd-panel tsd-member", "subscribe", "Invokes an execution of an Observable."));
  private static final String SUBJECT = item("Class", "Subject", "A Subject is a special type of Observable.",
      member("tsd-panel tsd-member", "next", "Feeds a value to every observer.")
          + member("tsd-panel tsd-member tsd-is-inherited", "pipe", "Used to stitch together functional operators."
              + " Inherited from Observable.pipe"));
  /** A function's page, its signature under the id of its name, as date-fns's are. */
  private static String function(String name, String prose) {
    return page(name, "<div class='tsd-page-title'><h1>Function " + name + "</h1></div><section class='tsd-panel'>"
        + "<ul class='tsd-signatures'><li><div class='tsd-signature tsd-anchor-link' id='" + name.toLowerCase() + "'>"
        + name + "(date: Date, amount: number): Date</div><div class='tsd-description'><p>" + prose + "</p></div></li></ul>"
        + "</section>");
  }

  private static final String ADD = function("add", "Add the specified years, months, weeks, days, hours, minutes and"
      + " seconds to the given date: add days, add months, add years.");
  private static final String ADD_DAYS = function("addDays", "Add the specified number of days to the given date. "
      + "Temporal has a built-in method on all its classes. ".repeat(20));

  /** TypeDoc's index: a summary of each export, each under an id of its name. */
  private static final String INDEX = page("rxjs", "<div class='tsd-page-title'><h1>rxjs</h1></div>"
      + "<dl class='tsd-member-summaries'><dt class='tsd-member-summary' id='pipe'><a href='functions/pipe.html'>pipe</a></dt>"
      + "<dd>pipe</dd><dt class='tsd-member-summary' id='observable'><a href='classes/Observable.html'>Observable</a></dt>"
      + "<dd>Observable</dd><dt class='tsd-member-summary' id='subject'><a href='classes/Subject.html'>Subject</a></dt>"
      + "<dd>Subject</dd></dl><a href='hierarchy.html'>Hierarchy</a> <a href='functions.html'>Functions</a>");
  private static final String HIERARCHY = page("rxjs", "<h2>Hierarchy Summary</h2><ul class='tsd-full-hierarchy'>"
      + "<li data-refl='408' id='Observable'><a href='classes/Observable.html'>Observable</a><ul>"
      + "<li data-refl='37' id='Subject'><a href='classes/Subject.html'>Subject</a></li></ul></li></ul>");

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", INDEX, "/hierarchy.html", HIERARCHY,
        "/classes/Observable.html", OBSERVABLE, "/classes/Subject.html", SUBJECT,
        "/functions/add.html", ADD, "/functions/addDays.html", ADD_DAYS, "/functions.html",
        page("Functions", "<a href='functions/add.html'>add</a> <a href='functions/addDays.html'>addDays</a>")));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aMemberNamedAsItsClasssFindsTheClassAndLinksToTheMember() throws Exception {
    assertThat(searcher.search("Observable.pipe", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/classes/Observable.html#pipe"));
    assertThat(searcher.search("Subject next", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/classes/Subject.html#next"));
  }

  @Test
  void anInheritedMemberIsTheInheritorsByItsClasssNameAndTheDeclarersByItsOwn() throws Exception {
    assertThat(searcher.search("Subject.pipe", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/classes/Subject.html#pipe"));
    assertThat(searcher.search("pipe", 10).hits()).extracting(SearchHit::link)
        .first().isEqualTo(CrawledDocs.url(site, "/classes/Observable.html#pipe"));
  }

  @Test
  void aFunctionsNameTypedAsWordsFindsItsPageFirst() throws Exception {
    assertThat(searcher.search("add days", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/functions/addDays.html#adddays"));
    assertThat(searcher.search("addDays", 10).hits().get(0).url())
        .isEqualTo(CrawledDocs.url(site, "/functions/addDays.html"));
  }

  @Test
  void theIndexAndTheHierarchyDefineNoneOfTheNamesTheyList() throws Exception {
    assertThat(searcher.search("pipe", 10).hits()).extracting(SearchHit::link)
        .doesNotContain(CrawledDocs.url(site, "/index.html#pipe"));
    assertThat(searcher.search("Subject", 10).hits().get(0).link())
        .isEqualTo(CrawledDocs.url(site, "/classes/Subject.html"));
  }
}
