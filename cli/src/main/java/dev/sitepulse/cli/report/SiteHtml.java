package dev.sitepulse.cli.report;

import dev.sitepulse.cli.Amounts;
import java.util.List;

/** The site section of the HTML report: cards, then tables of the lists that have entries. */
final class SiteHtml {

  private SiteHtml() {}

  static void section(StringBuilder h, SiteReport s) {
    Latency f = s.fetch();
    SiteReport.Links l = s.links();
    h.append("<section id=\"site\"><h2>Site</h2><p class=\"note\">From ").append(Html.escape(s.crawlDb().toString()))
        .append(", last fetch ").append(Html.escape(Figures.time(s.lastFetched()))).append(".</p>")
        .append("<div class=\"summary\">");
    HtmlReport.card(h, "site-urls", "URLs", Long.toString(s.urls()), Figures.counts(s.byState()));
    HtmlReport.card(h, "site-indexed", "Indexed", Long.toString(s.indexed()),
        (s.notCommitted() > 0 ? s.notCommitted() + " more not committed, " : "")
            + Amounts.count(s.duplicates(), "exact duplicate") + ", " + Amounts.bytes(s.bytes()));
    HtmlReport.card(h, "site-fetch", "Fetch p95", Figures.millis(f.p95(), f.count()) + " ms",
        "p50 " + Figures.millis(f.p50(), f.count()) + " ms, max " + Figures.millis(f.max(), f.count()) + " ms");
    HtmlReport.card(h, "site-broken", "Broken link targets", Long.toString(l.brokenTargets()),
        l.links() + " links to " + l.targets() + " targets, checked offline" + SiteTable.failedStarts(l));
    h.append("</div><div class=\"scroll\"><table id=\"site-codes\"><tbody><tr><th>Status codes</th>");
    HtmlReport.cell(h, "statuses", Figures.counts(s.statuses()));
    h.append("</tr><tr><th>Errors</th>");
    HtmlReport.cell(h, "errors", Figures.counts(s.errors()));
    h.append("</tr><tr><th>Near-duplicate clusters</th>");
    SiteReport.Analysis a = s.analysis();
    HtmlReport.cell(h, "clusters", a == null ? "not analyzed" : Long.toString(a.clusters()));
    h.append("</tr></tbody></table></div>\n");
    if (a != null) {
      h.append("<p class=\"note\" id=\"site-analysis\">").append(Html.escape(a.words())).append(".</p>\n");
    }
    table(h, "site-broken-links", "Most linked broken targets", List.of("Target", "Problem", "Places"), true,
        l.broken().stream().map(b -> List.of(b.url(), b.problem(), Long.toString(b.places()))).toList());
    table(h, "site-failed-starts", "Failed seeds and sitemap entries (no page links to them)",
        List.of("URL", "As", "Problem"), false,
        l.failedStarts().stream().map(x -> List.of(x.url(), x.start().words(), x.problem())).toList());
    table(h, "site-seeds-not-reached", "Seeds not reached (left queued: no answer for robots.txt, or the crawl stopped first)",
        List.of("URL"), false, l.seedsNotReached().stream().map(List::of).toList());
    table(h, "site-slowest", "Slowest pages", List.of("Page", "Fetch ms"), true, s.slowest().stream()
        .map(p -> List.of(p.url(), Figures.millis(p.value()))).toList());
    table(h, "site-largest", "Largest pages", List.of("Page", "Size"), true,
        s.largest().stream().map(p -> List.of(p.url(), Amounts.bytes((long) p.value()))).toList());
    table(h, "site-pagerank", "Top PageRank", List.of("Title", "Page", "Rank"), true, s.topRanked().stream()
        .map(p -> List.of(p.title(), p.url(), Figures.rank(p.rank()))).toList());
    h.append("</section>\n");
  }

  /**
   * A table of the site's lists. URLs and titles are the site's, and may be hundreds of characters
   * without a space: they wrap anywhere, so the columns after them stay in sight; a number does not.
   *
   * @param lastIsNumber whether the last column holds a figure (a count, a time, a size, a rank)
   */
  private static void table(StringBuilder h, String id, String title, List<String> headers, boolean lastIsNumber,
      List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    h.append("<h3>").append(Html.escape(title)).append("</h3><div class=\"scroll\"><table id=\"").append(id)
        .append("\"><thead><tr>");
    headers.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        h.append(lastIsNumber && i == row.size() - 1 ? "<td class=\"figure\">" : "<td class=\"text\">")
            .append(Html.escape(row.get(i))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }
}
