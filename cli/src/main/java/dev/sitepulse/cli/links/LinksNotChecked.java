package dev.sitepulse.cli.links;

import static dev.sitepulse.cli.Amounts.count;

import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.UncheckedAnchor;
import dev.sitepulse.crawler.urls.ShortUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a link check could not see, beyond the targets it skipped: the seeds among them that
 * robots.txt disallows, links after the cut of pages cut at --max-body, the links of pages served
 * as HTML whose body is binary, fragments it could not judge, the targets that got no answer and
 * whose retry --max-pages cut, and the targets a stop (Ctrl-C) left unjudged. Worded once for every format.
 */
final class LinksNotChecked {

  /** Why the links of a cut page after the cut were not checked, and what to do about it. */
  static final String CUT_PAGES_WHY = "links after the cut not checked";

  /** Why the links of a page past --max-links-per-page were not checked. */
  static final String LINKS_CUT_WHY = "those not checked";

  /** Why the links of a page served as HTML with a binary body were not checked. */
  static final String BINARY_PAGES_WHY = "links not read";

  /** What a binary body served as HTML most often is, for whoever mends the server. */
  static final String BINARY_PAGES_HINT = "an image or a file served as text/html, or a gzipped page served"
      + " without its Content-Encoding";

  /**
   * Why a target the crawl asked for is not judged: it got no answer to keep (a timeout or another
   * network failure, a 429 or 503), and the page limit came before it was asked again.
   */
  static final String TRIES_CUT_WHY = "no answer; --max-pages cut its retry";

  /** Why a stopped check's report is partial: a CI job must not read it as a full check. */
  static final String STOPPED_WHY = "the link check was stopped before it finished, so this report is partial";

  /** Why a seed was not checked, and what checks it: stderr's words, and the JUnit failure's. */
  static final String SEED_DISALLOWED_WHY = "robots.txt disallows it, or where it redirects"
      + " (--ignore-robots checks it anyway)";

  /** Why a check of nothing fails: stderr's words, and the JUnit failure's. */
  static final String NOTHING_CHECKED_WHY = "every seed was skipped (--ignore matches it, or it redirects out"
      + " of the crawl with --external skip)";

  /** How many targets the table names of a stopped check: json lists them all. */
  static final int TABLE_NAMES = 10;

  private LinksNotChecked() {}

  /**
   * "check stopped: 3 targets not checked, so this report is partial", or null when no stop cut
   * the check short.
   */
  static String stopped(LinkReport r) {
    return r.stopped() ? "check stopped: " + leftAtStop(r) + " not checked, so this report is partial" : null;
  }

  /**
   * What a stop left unjudged: "3 targets", "5 anchors" (fragments of working pages not read for
   * their ids yet), or "3 targets and 5 anchors".
   */
  private static String leftAtStop(LinkReport r) {
    int targets = r.notCheckedAtStop().size();
    int anchors = r.anchorsNotCheckedAtStop().size();
    return targets == 0 ? count(anchors, "anchor")
        : anchors == 0 ? count(targets, "target")
        : count(targets, "target") + " and " + count(anchors, "anchor");
  }

  /**
   * Whether every target was skipped, the seeds among them, though robots.txt disallowed none (a
   * seed it disallows fails on its own): a check of nothing, which must not pass in CI.
   */
  static boolean nothingChecked(LinkReport r) {
    return r.targets() > 0 && r.skipped() == r.targets() && r.seedsDisallowed().isEmpty();
  }

  /**
   * What stderr says of each seed robots.txt disallows, after any format's report: skipped as any
   * disallowed target is, but the user named it, so the check did not do what was asked.
   */
  static String seedDisallowed(String seed) {
    return "sitepulse: seed " + ShortUrl.of(seed) + " not checked: " + SEED_DISALLOWED_WHY;
  }

  /** "1 seed not checked (robots.txt disallows it)", or null when none was. */
  static String seedsDisallowed(LinkReport r) {
    return r.seedsDisallowed().isEmpty() ? null
        : count(r.seedsDisallowed().size(), "seed") + " not checked (robots.txt disallows "
            + (r.seedsDisallowed().size() == 1 ? "it" : "them") + ")";
  }

  /** "1 page cut at --max-body: links after the cut not checked", or null when none was. */
  static String cutPages(LinkReport r) {
    return r.cutPages().isEmpty() ? null
        : count(r.cutPages().size(), "page") + " cut at --max-body: " + CUT_PAGES_WHY;
  }

  /** "1 page with links past --max-links-per-page: those not checked", or null when none had any. */
  static String linksCutPages(LinkReport r) {
    return r.linksCutPages().isEmpty() ? null
        : count(r.linksCutPages().size(), "page") + " with links past --max-links-per-page: " + LINKS_CUT_WHY;
  }

  /**
   * What stderr says after any format's report when pages had links past the cap, naming the first
   * few: a check that did not look at them must not read as "no broken links".
   */
  static String linksCutWarning(LinkReport r) {
    return "sitepulse: " + linksCutPages(r) + " (raise --max-links-per-page, or 0 for no cap, to check them): "
        + firstFew(r.linksCutPages());
  }

  /** "1 page served as HTML but binary: links not read", or null when none was. */
  static String binaryPages(LinkReport r) {
    return r.binaryPages().isEmpty() ? null
        : count(r.binaryPages().size(), "page") + " served as HTML but binary: " + BINARY_PAGES_WHY;
  }

  /** "1 target not checked (no answer; --max-pages cut its retry)", or null when none was. */
  static String triesCut(LinkReport r) {
    return r.triesCut().isEmpty() ? null : count(r.triesCut().size(), "target") + " not checked (" + TRIES_CUT_WHY + ")";
  }

  /** "2 anchors not checked (page cut at --max-body)", one part for each why; empty when none. */
  static List<String> anchors(LinkReport r) {
    Map<UncheckedAnchor.Why, Long> byWhy = r.anchorsNotChecked().stream().collect(
        Collectors.groupingBy(UncheckedAnchor::why, TreeMap::new, Collectors.counting()));
    List<String> out = new ArrayList<>();
    byWhy.forEach((why, n) -> out.add(count(n, "anchor") + " not checked (" + why.words() + ")"));
    return out;
  }

  /**
   * Each part above, as the table's summary line ends: "; 1 seed not checked (…); 1 page cut …; 2
   * anchors not checked (…); check stopped: …".
   */
  static String summaryEnd(LinkReport r) {
    List<String> parts = new ArrayList<>();
    String seeds = seedsDisallowed(r);
    if (seeds != null) {
      parts.add(seeds);
    }
    String cut = cutPages(r);
    if (cut != null) {
      parts.add(cut);
    }
    String binary = binaryPages(r);
    if (binary != null) {
      parts.add(binary);
    }
    String linksCut = linksCutPages(r);
    if (linksCut != null) {
      parts.add(linksCut);
    }
    String triesCut = triesCut(r);
    if (triesCut != null) {
      parts.add(triesCut);
    }
    parts.addAll(anchors(r));
    String stopped = stopped(r);
    if (stopped != null) {
      parts.add(stopped);
    }
    return parts.stream().map(p -> "; " + p).collect(Collectors.joining());
  }

  /**
   * What stderr says after any format's report of a stopped check, as ping says what its stop left
   * out: "sitepulse: stopped by SIGINT before the link check finished: 3 targets not checked; …",
   * or "… 3 targets and 5 anchors not checked; …".
   *
   * @param signal SIGINT or SIGTERM; null if none is known
   */
  static String stoppedWarning(LinkReport r, String signal) {
    return "sitepulse: stopped" + (signal == null ? "" : " by " + signal) + " before the link check finished: "
        + leftAtStop(r) + " not checked; the report holds what was found by then";
  }

  /**
   * What stderr says after the report of a check that a stop came too late to cut short: the
   * report is complete, and the exit code is its own.
   *
   * @param signal SIGINT or SIGTERM
   */
  static String completeDespite(String signal) {
    return "sitepulse: " + signal + " came too late to leave anything unchecked: the report is complete";
  }

  /**
   * What stderr says after any format's report when pages were cut, naming the first few: csv has
   * no summary to say it in, and a table read in CI is seldom read to its end.
   */
  static String warning(LinkReport r) {
    return "sitepulse: " + cutPages(r) + " (raise --max-body to read them whole): " + firstFew(r.cutPages());
  }

  /**
   * What stderr says after any format's report when pages served as HTML were binary, naming the
   * first few: a check that read none of their links must not pass unremarked.
   */
  static String binaryWarning(LinkReport r) {
    return "sitepulse: " + binaryPages(r) + " (" + BINARY_PAGES_HINT + "?): " + firstFew(r.binaryPages());
  }

  /**
   * What stderr says after any format's report when --max-pages cut the retry of targets that got
   * no answer, naming the first few: neither broken nor working, they must not pass unremarked.
   */
  static String triesCutWarning(LinkReport r) {
    boolean one = r.triesCut().size() == 1;
    return "sitepulse: " + count(r.triesCut().size(), "target") + " not checked: " + (one ? "it" : "they")
        + " got no answer, and --max-pages cut " + (one ? "its" : "their") + " retry (raise --max-pages to check "
        + (one ? "it" : "them") + "): " + firstFew(r.triesCut());
  }

  private static String firstFew(List<String> pages) {
    return pages.stream().limit(3).map(ShortUrl::of).collect(Collectors.joining(", "))
        + (pages.size() > 3 ? " and " + (pages.size() - 3) + " more" : "");
  }
}
