package dev.sitepulse.cli.links;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.crawl.Summary;
import dev.sitepulse.crawler.links.LinkReport;

/**
 * The responses the crawl's WARC file (warc: true) lacks, worded once for stderr and every format
 * that can hold it: they fail the check (exit 2) whatever its links gave, so a report read
 * without stderr (a CI job's JSON or JUnit) must say why.
 */
final class LinksWarcLoss {

  /** The JUnit failure's type. */
  static final String TYPE = "WARC_NOT_ARCHIVED";

  private LinksWarcLoss() {}

  /** "warc: 2 responses not archived: /x/warc/….warc.gz: No space left on device", or null when none is lacking. */
  static String said(LinkReport r) {
    return r.responsesNotArchived() == 0 ? null
        : "warc: " + Summary.notArchived(r.responsesNotArchived(), r.warcFailure());
  }

  /** "warc: 2 responses not archived", without why: a JUnit case's name, its message saying why. */
  static String counted(LinkReport r) {
    return "warc: " + Amounts.count(r.responsesNotArchived(), "response") + " not archived";
  }
}
