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
 * Names searched on a site javadoc generated, as a Java programmer types them: the class page
 * ranks first and the hit links to the member. Pages shaped as javadoc 11 (Lucene's), 17+ and 8
 * write them, cut down.
 */
class JavadocSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /** Javadoc 9 to 16: a dotted furniture id on every page, {@code <a id="commit()">} per member. */
  private static String jdk11(String title, String main) {
    return "<html><head><title>" + title + " (Acme 1.0 API)</title></head><body>"
        + "<header role='banner'><nav role='navigation'><div class='topNav'><a id='navbar.top'></a>"
        + "<div class='skipNav'><a href='#skip.navbar.top'>Skip navigation links</a></div>"
        + "<a id='navbar.top.firstrow'></a><ul id='allclasses_navbar_top'><li>All Classes</li></ul>"
        + "<a id='skip.navbar.top'></a></div></nav></header><main role='main'>" + main + "</main></body></html>";
  }

  private static final String WRITER = jdk11("Writer", "<div class='header'><div class='subTitle'>Package org.acme.index</div>"
      + "<h2 class='title'>Class Writer</h2></div><div class='block'><p>" + "Writes documents to an index. ".repeat(40)
      + "</p></div><a id='method.summary'></a><h3>Method Summary</h3><table><tr><td>long</td>"
      + "<th><a href='#commit()'>commit</a>()</th><td>Commits all changes.</td></tr></table>"
      + "<a id='methods.inherited.from.class.java.lang.Object'></a><h3>Methods inherited from class java.lang.Object</h3>"
      + "<code>equals, hashCode, toString</code><a id='method.detail'></a><h3>Method Detail</h3>"
      + "<a id='addDocument(java.lang.Iterable)'></a><h4>addDocument</h4><pre>public long addDocument(Iterable doc)</pre>"
      + "<div class='block'>Adds a document to this index.</div>"
      + "<a id='commit()'></a><h4>commit</h4><pre>public final long commit()</pre>"
      + "<div class='block'>Commits all pending changes to the index and syncs the files.</div>");
  /** Says Writer.commit and addDocument more often, and shorter, as other classes' pages do. */
  private static final String POLICY = jdk11("Policy", "<h2 class='title'>Class Policy</h2><div class='block'>"
      + "Called on Writer.commit(); a policy sees every Writer.commit() and each addDocument().</div>"
      + "<a id='methods.inherited.from.class.java.lang.Object'></a><h3>Methods inherited from class java.lang.Object</h3>"
      + "<code>equals, hashCode, toString</code>");
  /** A package's page, among the pages that use the package: each with the package's name as an id. */
  private static final String PACKAGE = jdk11("org.acme.index", "<h1 class='title'>Package org.acme.index</h1>"
      + "<div class='block'>" + "Classes that build an index of documents. ".repeat(30) + "</div><a id='package.description'></a>");
  private static final String USES = jdk11("Uses of Package org.acme.index", "<h1>Uses of Package org.acme.index</h1>"
      + "<a id='org.acme.index'></a><h2>Classes in org.acme.index used by org.acme.index</h2><p>Writer: writes org.acme.index"
      + " pages. Policy: org.acme.index.</p>");
  /** A class's "Uses of" page: short, and each use with the summary copied from its own page. */
  private static final String WRITER_USES = jdk11("Uses of Class org.acme.index.Writer",
      "<h1>Uses of Class org.acme.index.Writer</h1><table><tr><td><a href='../Policy.html'>Policy.check</a>(Writer w)</td>"
      + "<td>Checks that the writer commits all pending changes.</td></tr></table>");
  /** Javadoc 17 and later: {@code <section class="detail" id="walk(Path,int)">}, hyphenated furniture. */
  private static final String FILES = "<html><head><title>Files (Acme 1.0 API)</title></head><body>"
      + "<header class='flex-header'><nav><div class='top-nav' id='navbar-top'><ul><li>Overview</li></ul></div>"
      + "</nav><span class='skip-nav' id='skip-navbar-top'></span></header><main role='main'><h1 title='Class Files' class='title'>Class Files</h1><section class='class-description'"
      + " id='class-description'><div class='block'>" + "Static methods that operate on files. ".repeat(30) + "</div></section>"
      + "<section class='details' id='method-detail'><h2>Method Details</h2><section class='detail' id='walk(java.nio.file.Path,int)'>"
      + "<h3>walk</h3><div class='member-signature'>public static Stream walk(Path start, int maxDepth)</div>"
      + "<div class='block'>Returns a stream of the tree under start.</div></section>"
      + "<section class='detail' id='walk(java.nio.file.Path)'><h3>walk</h3><div class='block'>Walks every level.</div></section>"
      + "</section><section class='details' id='field-detail'><h2>Field Details</h2>"
      + "<section class='detail' id='separator'><h3>separator</h3><div class='block'>The name separator.</div></section>"
      + "</section></main></body></html>";
  /** Javadoc 8: {@code <a name="flush--">}, parameters between dashes. */
  private static final String READER = "<html><head><title>Reader (Acme 1.0 API)</title></head><body>"
      + "<div class='topNav'><a name='navbar.top'></a><a name='skip.navbar.top'></a></div><div class='header'><h2 title='Class Reader' class='title'>Class Reader</h2></div>"
      + "<div class='block'>" + "Reads documents from an index. ".repeat(30) + "</div>"
      + "<a name='document-int-'></a><h4>document</h4><pre>public Document document(int docID)</pre>"
      + "<a name='flush--'></a><h4>flush</h4><pre>public void flush()</pre><div class='block'>Flushes.</div></body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", jdk11("Overview",
        "<a href='org/acme/index/Writer.html'>Writer</a> <a href='org/acme/index/Policy.html'>Policy</a>"
        + " <a href='org/acme/index/package-summary.html'>index</a> <a href='org/acme/index/package-use.html'>uses</a>"
        + " <a href='org/acme/io/Files.html'>Files</a> <a href='org/acme/index/Reader.html'>Reader</a>"
        + " <a href='org/acme/index/class-use/Writer.html'>uses</a>"),
        "/org/acme/index/Writer.html", WRITER, "/org/acme/index/Policy.html", POLICY,
        "/org/acme/index/package-summary.html", PACKAGE, "/org/acme/index/package-use.html", USES,
        "/org/acme/io/Files.html", FILES, "/org/acme/index/Reader.html", READER,
        "/org/acme/index/class-use/Writer.html", WRITER_USES));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aClassAndMethodNameFindsTheClassPageFirstAndLinksToTheMethod() throws Exception {
    assertThat(first("Writer.commit").link()).isEqualTo(url("/org/acme/index/Writer.html") + "#commit()");
    assertThat(first("writer commit").link()).as("typed with a space, in lower case")
        .isEqualTo(url("/org/acme/index/Writer.html") + "#commit()");
  }

  @Test
  void aMethodNameAloneLinksToItsDefinitionWithItsParameters() throws Exception {
    assertThat(first("addDocument").link())
        .isEqualTo(url("/org/acme/index/Writer.html") + "#addDocument(java.lang.Iterable)");
  }

  @Test
  void membersOfNewerAndOlderJavadocLinkToTheirDefinitionsToo() throws Exception {
    assertThat(first("Files.walk").link()).as("javadoc 17+").startsWith(url("/org/acme/io/Files.html") + "#walk(java.nio.file.Path");
    assertThat(first("Reader.flush").link()).as("javadoc 8").isEqualTo(url("/org/acme/index/Reader.html") + "#flush--");
  }

  @Test
  void aFieldNamedByAPlainWordLinksToItsDefinition() throws Exception {
    assertThat(first("Files.separator").link()).isEqualTo(url("/org/acme/io/Files.html") + "#separator");
  }

  @Test
  void aMethodWrittenAsCodeCallsItFindsAndLinksToItsDefinition() throws Exception {
    assertThat(first("\"Writer.commit()\"").link()).isEqualTo(url("/org/acme/index/Writer.html") + "#commit()");
    assertThat(first("Writer.commit()").link()).as("unquoted, as code writes it")
        .isEqualTo(url("/org/acme/index/Writer.html") + "#commit()");
    assertThat(first("document(int docID)").link()).as("a plain word before its arguments")
        .isEqualTo(url("/org/acme/index/Reader.html") + "#document-int-");
  }

  @Test
  void aPackageNameFindsThePackagePageFirstAheadOfThePagesThatUseIt() throws Exception {
    assertThat(first("org.acme.index").url()).isEqualTo(url("/org/acme/index/package-summary.html"));
  }

  @Test
  void wordsOfAClassPageFindItAheadOfItsShorterUsesPageThatCopiesThem() throws Exception {
    assertThat(first("commits pending changes").url()).isEqualTo(url("/org/acme/index/Writer.html"));
  }

  @Test
  void javadocsOwnDottedIdsDefineNothing() throws Exception {
    assertThat(searcher.search("java.lang.Object", 10).hits()).as("methods.inherited.from.class.java.lang.Object")
        .isNotEmpty().noneMatch(SearchHit::definition);
    assertThat(searcher.search("navbar.top", 10).hits()).isEmpty();
  }

  private static SearchHit first(String query) throws Exception {
    return searcher.search(query, 10).hits().get(0);
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
