package dev.sitepulse.cli.links;

import static dev.sitepulse.cli.Amounts.count;

import dev.sitepulse.cli.Shortened;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import dev.sitepulse.crawler.urls.ShortUrl;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Broken links for a person: seeds and sitemap entries that failed first, which no page links to,
 * then each broken target with why, its chain, and where it is linked from or embedded in, the
 * anchor text of an embedding saying how ({@code "<img> Team photo"}); then the first targets
 * --max-pages cut the retry of, and of a stopped check the first targets it left unjudged.
 */
public final class LinksTable {
  /**
   * Terminal columns of anchor text shown, as a title is cut: a link may wrap a whole article, which
   * made one line of 100 KB; json and csv keep it whole.
   */
  private static final int ANCHOR_TEXT = 120;

  private LinksTable() {}

  public static void write(LinkReport r, PrintStream out) {
    List<BrokenLink> startsFirst = r.broken().stream()
        .sorted(Comparator.comparing((BrokenLink b) -> !b.failedStart())).toList(); // stable: by URL within each
    for (BrokenLink b : startsFirst) {
      // A link that is no URL is kept as the page wrote it, escape codes and all.
      String url = Shortened.line(ShortUrl.of(b.url()));
      out.println(b.failedStart() ? "FAILED  " + url + "  (" + b.start().unled() + ")"
          : "BROKEN  " + url + (b.external() ? "  (external)" : ""));
      out.println("        " + Shortened.line(b.problem()));
      if (!b.chain().isEmpty()) {
        out.println("        redirects: " + String.join(" -> ", b.chain().stream().map(ShortUrl::of).toList()));
      }
      for (Referrer ref : b.referrers()) {
        out.printf(Locale.ROOT, "        from %s  \"%s\"%n", ShortUrl.of(ref.page()) + (ref.line() > 0 ? ":" + ref.line() : ""),
            Shortened.columns(ref.anchorText(), ANCHOR_TEXT));
      }
      out.println();
    }
    if (!r.triesCut().isEmpty()) {
      notChecked(r.triesCut(), r.triesCut().size() == 1 ? "it got no answer, and --max-pages cut its retry"
          : "they got no answer, and --max-pages cut their retry", out);
    }
    if (!r.notCheckedAtStop().isEmpty()) {
      notChecked(r.notCheckedAtStop(), "the check was stopped before it judged "
          + (r.notCheckedAtStop().size() == 1 ? "it" : "them"), out);
    }
    long anchors = r.missingAnchors();
    // A missing anchor is broken, but its page is a target that works: say so, or "11 broken of
    // 9 targets" reads as a miscount.
    String starts = BrokenLink.Start.failedCounts(r.broken().stream().map(BrokenLink::start).toList());
    String ofThem = (anchors == 0 ? "" : count(anchors, "missing anchor") + " on working pages, ")
        + (starts.isEmpty() ? "" : starts + ", ");
    // Targets are what links and embedded resources lead to, each once; "checked online" are those
    // the crawl did not fetch: external, not reached, or resources, which a crawl never follows.
    out.printf(Locale.ROOT,
        "%d broken (%s%s to an error) of %s, %s and %s on %s; %d checked online, %d skipped, %s not checked%s%n",
        r.broken().size(), ofThem, count(r.redirectsToErrors(), "redirect"), count(r.targets(), "target"),
        count(r.links(), "link"), count(r.resources(), "embedded resource"), count(r.pages(), "page"),
        r.checkedOnline(), r.skipped(), count(r.nonHttp(), "mailto:/javascript:/data: URL"),
        LinksNotChecked.summaryEnd(r) + (LinksWarcLoss.said(r) == null ? "" : "; " + LinksWarcLoss.said(r)));
  }

  /** The first of them, as a block like a broken target's: all of them would bury the broken. */
  private static void notChecked(List<String> targets, String why, PrintStream out) {
    out.println("NOT CHECKED  " + count(targets.size(), "target") + ": " + why);
    targets.stream().limit(LinksNotChecked.TABLE_NAMES).forEach(t -> out.println("        " + ShortUrl.of(t)));
    if (targets.size() > LinksNotChecked.TABLE_NAMES) {
      out.println("        … and " + (targets.size() - LinksNotChecked.TABLE_NAMES)
          + " more (--format json lists them all)");
    }
    out.println();
  }
}
