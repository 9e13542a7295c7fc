package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.index.TestPages;
import dev.sitepulse.crawler.parse.PageParser;
import dev.sitepulse.crawler.parse.ParsedPage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small documentation site, indexed and committed for the search tests. */
public final class DocsSite {
  static final String DOCS = "https://docs.acme.example/";
  static final String BLOG = "https://blog.acme.example/";

  static final List<IndexedPage> PAGES =
      List.of(
          page(
              DOCS + "guide/logging.html",
              "Logging and audit trails",
              List.of("Log levels", "Structured output"),
              "The runtime writes human-readable logs to standard error by default. Production"
                  + " deployments should switch to structured JSON logs, which are easier to ship"
                  + " to a central log store. Set log.level to debug only while diagnosing a"
                  + " problem: debug output is verbose and slows busy widgets down."),
          page(
              DOCS + "guide/widget-cache.html",
              "Configuring the widget cache",
              List.of("Sizing the cache", "Per-widget quotas"),
              "Every widget can memoise its results in a shared in-memory cache. The widget cache"
                  + " is bounded by cache.max_entries and cache.max_bytes. Since 4.1, each widget"
                  + " can reserve a share of the cache with cache.quota. Quotas cannot be changed"
                  + " by a reload; restart the runtime instead. Cache misses are logged at debug"
                  + " level."),
          page(
              DOCS + "guide/troubleshooting.html",
              "Troubleshooting timeouts",
              List.of("Timeouts on startup", "Read timeouts"),
              "Most startup timeouts are caused by a slow upstream dependency or by DNS"
                  + " resolution. Check the logs for error E1001 (connect timeout) and E1002 (read"
                  + " timeout). Raising net.timeout hides the symptom; find the slow dependency"
                  + " instead. A cache that is too small also makes requests slow."),
          page(
              DOCS + "guide/install.html",
              "Installing Acme Widgets",
              List.of("Packages", "Verifying the installation"),
              "Acme Widgets ships as a Debian package, an RPM and a container image. After"
                  + " installing, run widgetctl version to check the runtime. Configuration lives"
                  + " in /etc/acme-widgets/widgets.toml."),
          page(
              DOCS + "reference/config-file.html",
              "widgets.toml configuration reference",
              List.of("[net]", "[cache]", "[log]"),
              "The configuration file is written in TOML and divided into tables. The [net] table"
                  + " sets timeouts and ports; the [cache] table sets max_entries, max_bytes and"
                  + " quota; the [log] table sets level and format. A cache widget is a widget"
                  + " that only caches."),
          page(
              BLOG + "2024/performance-tuning.html",
              "Five ways to make your widgets faster",
              List.of("Size the cache deliberately", "Log less"),
              "An undersized widget cache thrashes and an oversized one causes long garbage"
                  + " collection pauses. Logging every event at debug level can halve throughput."
                  + " Set honest timeouts: a timeout that is too long hides failures."),
          page(
              BLOG + "2024/release.html",
              "Acme Widgets 4.0 is here",
              List.of("Pipelines", "TOML configuration"),
              "After eighteen months of work, Acme Widgets 4.0 is available. Pipelines let you"
                  + " deploy chains of widgets as a unit; TOML replaces the old XML configuration;"
                  + " and the new scheduler halves median latency."));

  private DocsSite() {}

  public static Path indexInto(Path dir) {
    return indexInto(dir, PAGES);
  }

  /** {@code pages} indexed and committed into {@code dir}. */
  public static Path indexInto(Path dir, List<IndexedPage> pages) {
    try (PageIndex index = PageIndex.open(dir)) {
      pages.forEach(index::upsert);
      index.commit(Map.of());
    }
    return dir;
  }

  /** One HTML page, parsed as a crawl parses it for search, indexed and committed into {@code dir}. */
  static Path indexParsed(Path dir, String url, String html) {
    return indexInto(dir, List.of(parsed(url, html)));
  }

  /** HTML pages, each by its URL, parsed as a crawl parses them for search, indexed and committed into {@code dir}. */
  public static Path indexParsed(Path dir, Map<String, String> htmlByUrl) {
    return indexInto(dir, htmlByUrl.entrySet().stream().map(page -> parsed(page.getKey(), page.getValue())).toList());
  }

  /** A page of HTML whose title is also its heading, then {@code body}. */
  public static String html(String title, String body) {
    return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
  }

  private static IndexedPage parsed(String url, String html) {
    ParsedPage page = PageParser.parseForSearch(html.getBytes(StandardCharsets.UTF_8), "UTF-8", url);
    return new IndexedPage(url, URI.create(url).getHost(), page.title(), page.headings(), page.text(),
        page.description(), 1_700_000_000_000L, 200, "en", page.linkTextShare(), page.contentIds(),
        page.definitionIds(), page.termNames(), page.sectionTerms(), page.sections(), page.declaredElsewhereIds(), page.itemSource(),
        page.generator(), null);
  }

  private static IndexedPage page(String url, String title, List<String> headings, String body) {
    return TestPages.page(url).title(title).headings(headings).body(body).build();
  }
}
