package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.parse.PageParser;
import dev.sitepulse.crawler.store.AnchorList;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.CrawlDbVersions;
import dev.sitepulse.crawler.store.PageRecord;
import dev.sitepulse.crawler.store.UrlState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What crawl.db knows about pages and links, read once for a link check. */
final class CrawledPages {

  /**
   * One fetched URL.
   *
   * @param state as crawl.db has it: a report may read one a newer version wrote, in a state
   *     {@link UrlState} does not name
   * @param parsed parsed as HTML, so its ids are known: by its Content-Type, or by its body when
   *     it came without one (crawl.db holds a SimHash of such pages only)
   * @param cut its body was cut at --max-body: its links and ids past the cut were never seen
   */
  record Page(String url, String state, int status, String errorKind, String message,
      String redirectTo, boolean parsed, Set<String> anchors, boolean cut) {

    boolean is(UrlState s) {
      return s.column().equals(state);
    }
  }

  /**
   * One link as found on a page, or one resource the page embeds.
   *
   * @param fragment null for a resource, whose fragment is not checked
   * @param anchorText for a resource, its alt text or null
   * @param element how the page embeds the target ({@code img}, {@code link rel=stylesheet}…), null
   *     for a link
   */
  record Link(String from, String to, String fragment, String anchorText, int line, String element) {

    boolean embeds() {
      return element != null;
    }

    /**
     * A seed's #fragment, judged as a link's is: a link with no page behind it, which no report
     * names as a referrer.
     */
    static Link typed(String url, String fragment) {
      return new Link(null, url, fragment, null, 0, null);
    }

    /** The pages behind {@code links}, each with where and how it links or embeds. */
    static List<Referrer> referrers(List<Link> links) {
      return links.stream().filter(l -> l.from() != null).map(l -> l.embeds()
          ? Referrer.embedding(l.from(), l.element(), l.anchorText(), l.line())
          : new Referrer(l.from(), l.anchorText(), l.line())).toList();
    }
  }

  final Map<String, Page> pages = new HashMap<>();
  /**
   * URLs still queued: in the scope, but the crawl stopped (--max-pages, or stopped) before it
   * fetched them. Not pages, and not targets to ask for online: the limit said how much to ask for.
   */
  final Set<String> queued = new HashSet<>();
  final List<Link> links = new ArrayList<>();
  /** Empty unless asked for, and in a crawl.db no link check has written. */
  final List<Link> embeds = new ArrayList<>();
  /** URLs at depth 0: the seeds and what they redirect to, broken even when no page links them. */
  final List<String> seeds = new ArrayList<>();
  /**
   * Pages of an HTML type whose body is binary, by URL, sorted: neither parsed nor read for links,
   * though a browser would render them (as garbage), so a check of them found nothing.
   */
  final List<String> binaryPages = new ArrayList<>();
  /** Pages whose links past --max-links-per-page were not read, by URL. */
  final List<String> linksCutPages = new ArrayList<>();
  /**
   * URLs fetched that crawl.db records a sitemap (or a feed given as a seed) listed, and that
   * nothing else leads to: no redirect, canonical or embed. Those that no link leads to either are
   * the sitemap's to answer for. None in a crawl.db from before sitemaps were recorded.
   */
  final List<String> sitemapEntriesUnled = new ArrayList<>();
  /**
   * mailto:, javascript: and other links that cannot be crawled, and in a link check data: and
   * other resources that cannot be checked, on every page of the crawl.
   */
  long nonHttpLinks;

  /**
   * The seeds a link check judges as targets: where a seed redirects to is at depth 0 too, but the
   * seed's chain already says how that ends, and so does a page's whose redirect leads there. In
   * a loop every URL is some redirect's target: the first of a loop that no such chain enters is
   * judged, so that the loop is reported once, from the seed it was given as.
   */
  List<String> seedTargets() {
    Set<String> redirectedTo = new HashSet<>();
    pages.values().forEach(p -> redirectedTo.add(p.redirectTo()));
    List<String> targets = new ArrayList<>();
    Set<String> onTheirChains = new HashSet<>();
    for (String seed : seeds) {
      if (!redirectedTo.contains(seed)) {
        targets.add(seed);
        onTheirChains.addAll(redirectChain(seed));
      }
    }
    for (String seed : seeds) { // in the order crawl.db numbered them: a seed before where it leads
      if (!onTheirChains.contains(seed) && redirectChain(seed).contains(seed)) {
        targets.add(seed);
        onTheirChains.addAll(redirectChain(seed));
      }
    }
    return targets;
  }

  /** Where the recorded redirects of {@code url} lead, hop by hop, up to a URL they led to before. */
  private Set<String> redirectChain(String url) {
    Set<String> chain = new HashSet<>();
    Page at = pages.get(url);
    while (at != null && at.redirectTo() != null && chain.add(at.redirectTo())) {
      at = pages.get(at.redirectTo());
    }
    return chain;
  }

  /** @param withEmbeds whether to read the resources pages embed too */
  static CrawledPages read(Path crawlDb, boolean withEmbeds) throws SQLException {
    CrawledPages out = new CrawledPages();
    try (Connection c = CrawlDb.readOnly(crawlDb);
        Statement s = c.createStatement()) {
      // The words a message or an anchor is matched against are bound, not written into the SQL,
      // where a quote in one would end its literal.
      try (PreparedStatement urls = c.prepareStatement("""
              SELECT url, state, status, error_kind, message, redirect_to, simhash IS NOT NULL, anchors,
              COALESCE(instr(message, ?) > 0, 0) FROM urls""");
          ResultSet rs = query(urls, PageRecord.CUT_AT_MAX_BODY)) {
        while (rs.next()) {
          if (UrlState.QUEUED.column().equals(rs.getString(2))) {
            out.queued.add(rs.getString(1));
            continue;
          }
          out.pages.put(rs.getString(1), new Page(rs.getString(1), rs.getString(2), rs.getInt(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
              AnchorList.split(rs.getString(8)), rs.getBoolean(9)));
        }
      }
      // A crawl.db read as it is (report's offline check) may predate the count: none known.
      if (CrawlDbVersions.hasColumn(s, "urls", "non_http_links")) {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(non_http_links), 0) FROM urls")) {
          out.nonHttpLinks = rs.getLong(1);
        }
      }
      try (PreparedStatement binary =
              c.prepareStatement("SELECT url FROM urls WHERE instr(message, ?) = 1 ORDER BY url");
          ResultSet rs = query(binary, PageParser.BINARY_NOT_HTML)) {
        while (rs.next()) {
          out.binaryPages.add(rs.getString(1));
        }
      }
      try (PreparedStatement linksCut =
              c.prepareStatement("SELECT url FROM urls WHERE instr(message, ?) > 0 ORDER BY url");
          ResultSet rs = query(linksCut, PageRecord.LINKS_CUT)) {
        while (rs.next()) {
          out.linksCutPages.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT url FROM urls WHERE depth = 0 ORDER BY id")) {
        while (rs.next()) {
          out.seeds.add(rs.getString(1));
        }
      }
      if (CrawlDbVersions.hasColumn(s, "urls", "sitemap")) {
        readSitemapEntriesUnled(s, out.sitemapEntriesUnled);
      }
      // Redirect hops are recorded as links too; they are chains here, not links on a page.
      try (PreparedStatement pageLinks = c.prepareStatement("""
              SELECT from_url, to_url, fragment, anchor, line FROM %s
              WHERE anchor IS NULL OR anchor != ? ORDER BY from_url, line""".formatted(CrawlDbVersions.pageLinks(s)));
          ResultSet rs = query(pageLinks, PageRecord.REDIRECT_ANCHOR)) {
        while (rs.next()) {
          out.links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), null));
        }
      }
      if (withEmbeds && CrawlDbVersions.hasEmbeds(s)) {
        try (ResultSet rs = s.executeQuery(
            "SELECT from_url, to_url, alt, line, element FROM page_embeds ORDER BY from_url, line")) {
          while (rs.next()) {
            out.embeds.add(new Link(rs.getString(1), rs.getString(2), null, rs.getString(3), rs.getInt(4), rs.getString(5)));
          }
        }
      }
    }
    return out;
  }

  /** Runs {@code statement} with {@code text} bound to its one parameter. */
  private static ResultSet query(PreparedStatement statement, String text) throws SQLException {
    statement.setString(1, text);
    return statement.executeQuery();
  }

  private static void readSitemapEntriesUnled(Statement s, List<String> out) throws SQLException {
    try (ResultSet rs = s.executeQuery("""
        SELECT url FROM urls WHERE sitemap IS NOT NULL AND state != %s
        AND url NOT IN (SELECT redirect_to FROM urls WHERE redirect_to IS NOT NULL)
        AND url NOT IN (SELECT canonical FROM urls WHERE canonical IS NOT NULL)%s ORDER BY id"""
        .formatted(UrlState.QUEUED.sql(), CrawlDbVersions.hasEmbeds(s) ? " AND url NOT IN (SELECT to_url FROM embeds)" : ""))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
  }
}
