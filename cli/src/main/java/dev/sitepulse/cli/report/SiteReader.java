package dev.sitepulse.cli.report;

import dev.sitepulse.cli.NotACrawlDb;
import dev.sitepulse.cli.UncommittedPages;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkChecker;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.SiteFigures;
import dev.sitepulse.pinger.IoErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a {@link SiteReport} from crawl.db, read-only: a crawl may be writing it meanwhile. The
 * crawler reads the figures ({@link SiteFigures}); the fetch times' percentiles are computed here,
 * as the history's are. A file that is no crawl.db is a {@link UsageException}, one SQLite cannot
 * read an {@link UnreadableException}, as analyze tells them.
 */
final class SiteReader {

  /** Pages and links shown per list. */
  static final int SHOWN = 10;

  private SiteReader() {}

  static SiteReport read(Path dataDir, LatencyStatistics stats) {
    Path file = dataDir.resolve(CrawlDb.FILE_NAME);
    if (CrawlDb.makerOf(file) == CrawlDb.Maker.ANOTHER_PROGRAM) {
      throw new UsageException(file + ": " + CrawlDb.ANOTHER_PROGRAMS);
    }
    SiteFigures f;
    try {
      f = SiteFigures.read(file, SHOWN);
    } catch (SQLException e) { // another kind of file is the user's to fix; one SQLite cannot read fails the run
      UsageException notACrawlDb = NotACrawlDb.of(file, dataDir, e); // another program's urls table
      if (notACrawlDb != null) {
        throw notACrawlDb;
      }
      String why = file + ": " + IoErrors.why(e, file);
      throw IoErrors.notADatabase(e) ? new UsageException(why) : new UnreadableException(why);
    }
    if (f == null) { // a crawl killed before it made its tables
      throw new UsageException(file + ": no crawl here (sitepulse crawl writes it)");
    }
    // crawl.db records a page indexed as its document goes to the index, which commits every few seconds.
    long notCommitted = Math.min(f.indexed(), UncommittedPages.in(dataDir));
    return new SiteReport(file, f.byState().values().stream().mapToLong(Long::longValue).sum(), f.byState(),
        f.indexed() - notCommitted, f.duplicates(), f.statuses(), f.errors(), f.bytes(),
        stats.of(f.fetchMillis(), 0, f.fetchMillis().length),
        figures(f.slowest()),
        figures(f.largest()),
        links(dataDir, f.seeds(), f.seedsNotReached(), f.linkTargets()),
        f.topRanked().stream().map(p -> new SiteReport.RankedPage(p.title(), p.url(), p.rank())).toList(),
        analysis(f.analysis()),
        f.lastFetched(), notCommitted);
  }

  private static List<SiteReport.PageFigure> figures(List<SiteFigures.PageFigure> read) {
    return read.stream().map(p -> new SiteReport.PageFigure(p.url(), p.value())).toList();
  }

  private static SiteReport.Analysis analysis(SiteFigures.Analysis a) {
    return a == null ? null : new SiteReport.Analysis(a.at(), a.pages(), a.clusters(), a.crawlChangedSince());
  }

  /** The links of the crawl, checked offline; not the resources pages embed, which are no links. */
  private static SiteReport.Links links(Path dataDir, List<String> seeds, List<String> notReached, long linkTargets) {
    if (seeds.isEmpty()) {
      return new SiteReport.Links(0, 0, 0, List.of(), List.of(), List.of());
    }
    LinkReport r;
    try {
      r = LinkChecker.checkLinksOffline(CrawlConfig.defaults(seeds, dataDir));
    } catch (CrawlException e) { // crawl.db could not be read for its links
      throw new UnreadableException(e.getMessage());
    }
    List<SiteReport.Broken> broken = r.broken().stream().filter(b -> !b.failedStart())
        .sorted(Comparator.comparingInt((BrokenLink b) -> -b.referrers().size()).thenComparing(BrokenLink::url))
        .limit(SHOWN)
        .map(b -> new SiteReport.Broken(b.url(), b.problem(), b.referrers().size()))
        .toList();
    List<SiteReport.FailedStart> failedStarts = r.broken().stream().filter(BrokenLink::failedStart)
        .map(b -> new SiteReport.FailedStart(b.url(), b.start(), b.problem())).toList();
    return new SiteReport.Links(r.links(), linkTargets, r.broken().size() - failedStarts.size(), broken, failedStarts,
        notReached);
  }
}
