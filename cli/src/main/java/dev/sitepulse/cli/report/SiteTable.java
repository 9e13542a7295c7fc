package dev.sitepulse.cli.report;

import static dev.sitepulse.cli.report.TableReport.cells;
import static dev.sitepulse.cli.report.TableReport.left;
import static dev.sitepulse.cli.report.TableReport.right;
import static dev.sitepulse.cli.report.TableReport.text;
import static dev.sitepulse.cli.report.TableReport.url;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.UncommittedPages;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.pinger.format.TextTable;
import dev.sitepulse.pinger.format.TextTable.Cell;
import dev.sitepulse.pinger.format.TextTable.Column;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The site section of the report for a terminal: a summary, then the lists that have entries. */
final class SiteTable {

  private SiteTable() {}

  static void write(SiteReport s, PrintStream out) {
    Latency f = s.fetch();
    out.println("site " + s.crawlDb() + ": " + Amounts.count(s.urls(), "URL") + " (" + Figures.counts(s.byState())
        + "), " + s.indexed() + " indexed, " + Amounts.count(s.duplicates(), "exact duplicate") + ", "
        + Amounts.bytes(s.bytes()) + ", last fetch " + Figures.time(s.lastFetched()));
    if (s.notCommitted() > 0) {
      Path data = s.crawlDb().toAbsolutePath().getParent();
      out.println(UncommittedPages.said(s.notCommitted(), data, UncommittedPages.crawling(data)));
    }
    out.println("status codes " + Figures.counts(s.statuses()) + "; errors " + Figures.counts(s.errors())
        + "; fetch ms p50 " + Figures.millis(f.p50(), f.count()) + ", p95 " + Figures.millis(f.p95(), f.count())
        + ", p99 " + Figures.millis(f.p99(), f.count()) + ", max " + Figures.millis(f.max(), f.count()));
    SiteReport.Links l = s.links();
    out.println(Amounts.count(l.links(), "link") + " to " + Amounts.count(l.targets(), "target") + ", "
        + l.brokenTargets() + " broken" + failedStarts(l)
        + " (checked offline; sitepulse links checks external ones and what pages embed too)");
    SiteReport.Analysis a = s.analysis();
    out.println(a == null ? "not analyzed (sitepulse analyze ranks pages and finds near-duplicates)"
        : Amounts.count(a.clusters(), "near-duplicate cluster") + "; " + a.words());
    if (!l.broken().isEmpty()) {
      table(out, List.of(left("BROKEN"), left("PROBLEM"), right("PLACES")),
          l.broken().stream().map(b -> cells(url(b.url()), text(b.problem()), Long.toString(b.places()))).toList());
    }
    if (!l.failedStarts().isEmpty()) {
      table(out, List.of(left("FAILED"), left("AS"), left("PROBLEM")),
          l.failedStarts().stream().map(x -> cells(url(x.url()), x.start().words(), text(x.problem()))).toList());
    }
    if (!l.seedsNotReached().isEmpty()) {
      table(out, List.of(left("NOT REACHED"), left("WHY")), l.seedsNotReached().stream()
          .map(u -> cells(url(u), "seed left queued: no answer for robots.txt, or the crawl stopped first")).toList());
    }
    if (!s.slowest().isEmpty()) {
      table(out, List.of(left("SLOWEST"), right("FETCH MS")), s.slowest().stream()
          .map(p -> cells(url(p.url()), Figures.millis(p.value()))).toList());
    }
    if (!s.largest().isEmpty()) {
      table(out, List.of(left("LARGEST"), right("SIZE")),
          s.largest().stream().map(p -> cells(url(p.url()), Amounts.bytes((long) p.value()))).toList());
    }
    if (!s.topRanked().isEmpty()) {
      table(out, List.of(left("TOP PAGERANK"), left("URL"), right("RANK")), s.topRanked().stream()
          .map(p -> cells(text(p.title()), url(p.url()), Figures.rank(p.rank()))).toList());
    }
  }

  /**
   * ", 1 failed seed, 2 failed sitemap entries, 1 seed not reached", or "" when every start worked.
   */
  static String failedStarts(SiteReport.Links l) {
    String counts = BrokenLink.Start.failedCounts(l.failedStarts().stream().map(SiteReport.FailedStart::start).toList());
    String notReached = l.seedsNotReached().isEmpty() ? ""
        : ", " + Amounts.count(l.seedsNotReached().size(), "seed") + " not reached";
    return (counts.isEmpty() ? "" : ", " + counts) + notReached;
  }

  private static void table(PrintStream out, List<Column> columns, List<List<Cell>> rows) {
    TextTable t = new TextTable(columns);
    rows.forEach(t::add);
    out.println();
    t.lines().forEach(out::println);
  }
}
