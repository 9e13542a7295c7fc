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
 * Settings and functions searched on a site DocBook generated, as PostgreSQL's docs are: the page
 * that defines a setting ranks first and the hit links to it. Pages shaped as PostgreSQL 15's, cut
 * down.
 */
class DocBookSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  private static String page(String title, String main) {
    return "<html><head><title>" + title + "</title><meta name='generator' content='DocBook XSL Stylesheets'></head>"
        + "<body><div class='navheader'><table><tr><th>" + title + "</th></tr><tr><td><a href='index.html'>Prev</a>"
        + "</td></tr></table></div>" + main + "<div class='navfooter'><table><tr><td>Next</td></tr></table></div></body></html>";
  }

  private static String setting(String id, String name, String doc) {
    return "<dt id='" + id + "'><span class='term'><code class='varname'>" + name + "</code> (<code class='type'>integer</code>)"
        + "<a id='id-1.6." + name.length() + "' class='indexterm'></a></span></dt><dd><p>" + doc + "</p></dd>";
  }

  /** Long, as a chapter of settings is: each setting is a small part of it. */
  private static final String CONNECTIONS = page("20.3. Connections and Authentication", "<div class='sect1' id='RUNTIME-CONFIG-CONNECTION'>"
      + "<h2>20.3. Connections and Authentication</h2><div class='variablelist'><dl>"
      + setting("GUC-LISTEN-ADDRESSES", "listen_addresses", "Specifies the TCP/IP addresses on which the server listens. ".repeat(20))
      + setting("GUC-MAX-CONNECTIONS", "max_connections", "Determines the maximum number of concurrent connections to the server.")
      + setting("GUC-PORT", "port", "The TCP port the server listens on. ".repeat(20)) + "</dl></div></div>");
  /** Shorter, and says max_connections more often, as the pages that use the setting do. */
  private static final String LOCKS = page("20.12. Lock Management", "<h2>20.12. Lock Management</h2><p>The shared lock table"
      + " tracks locks on max_locks_per_transaction * (max_connections + max_prepared_transactions) objects; raise"
      + " max_connections with care.</p>");
  private static final String KERNEL = page("19.4. Managing Kernel Resources", "<h2>19.4. Managing Kernel Resources</h2>"
      + "<p>It may be better to reduce max_connections: semaphores are max_connections + autovacuum_max_workers.</p>");

  /** The setting's name as a word of its title and headings, and no definition of it. */
  private static final String PORTS = page("19.11. Port Numbers and Firewalls", "<h2>19.11. Port Numbers and Firewalls</h2>"
      + "<h3>Choosing a port</h3><p>The server listens on one TCP port; a firewall must let clients reach the port."
      + " Pick a port above 1024 for a server that does not run as root.</p>");

  @BeforeAll
  static void crawlTheSite() throws Exception {
    // Among other pages, as a name weighs on a real docs site, where most pages neither define nor say it.
    searcher = CrawledDocs.crawlAmongOtherModules(site, data, Map.of(
        "/runtime-config-connection.html", CONNECTIONS, "/runtime-config-locks.html", LOCKS,
        "/kernel-resources.html", KERNEL, "/ports.html", PORTS));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aSettingsNameFindsThePageThatDefinesItFirstAndLinksToTheDefinition() throws Exception {
    assertThat(first("max_connections").link()).isEqualTo(url("/runtime-config-connection.html") + "#GUC-MAX-CONNECTIONS");
    assertThat(first("MAX_CONNECTIONS").link()).as("in any case")
        .isEqualTo(url("/runtime-config-connection.html") + "#GUC-MAX-CONNECTIONS");
  }

  @Test
  void aSettingOnlyAPrefixedIdDefinesFindsThatDefinitionBeforeAPageWhoseTitleHasTheWord() throws Exception {
    // GUC-PORT is the definition of port: no id is port alone, which would rank the prefixed one below it
    assertThat(first("port").link()).isEqualTo(url("/runtime-config-connection.html") + "#GUC-PORT");
  }

  @Test
  void docBooksOtherIdsDefineNothing() throws Exception {
    assertThat(searcher.search("kernel resources", 10).hits()).noneMatch(SearchHit::definition);
  }

  private static SearchHit first(String query) throws Exception {
    return searcher.search(query, 10).hits().get(0);
  }

  private static String url(String path) {
    return CrawledDocs.url(site, path);
  }
}
