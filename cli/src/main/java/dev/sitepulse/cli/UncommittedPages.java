package dev.sitepulse.cli;

import static dev.sitepulse.cli.Amounts.count;

import dev.sitepulse.crawler.index.IndexLag;
import dev.sitepulse.pinger.DataDirLock;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Pages crawl.db records as indexed that the search index's last commit does not hold
 * ({@link IndexLag}), in the words search, report and analyze share: a crawl killed before a
 * commit leaves them, and running it again mends that (it resumes and fetches them again), which
 * --fresh would do at the cost of the whole crawl.
 */
public final class UncommittedPages {

  private UncommittedPages() {}

  /**
   * How many there are in {@code data}; 0 when that cannot be told, as this only explains what
   * the command read itself, and reports its own failures.
   */
  public static long in(Path data) {
    try {
      return IndexLag.notCommitted(data);
    } catch (IOException | SQLException | RuntimeException e) {
      return 0;
    }
  }

  /** Whether a crawl holds {@code data} now; when nobody can tell, as if one did. */
  public static boolean crawling(Path data) {
    try {
      return DataDirLock.held(data, "crawl");
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * "1 page recorded as indexed is not in the search index: its crawl stopped before it committed
   * it (killed?); run it again, which resumes and fetches it again: sitepulse crawl --data DATA SEED",
   * or, while a crawl holds {@code data}, "… not in the search index yet: its crawl is running, and
   * commits it within seconds".
   */
  public static String said(long pages, Path data, boolean crawling) {
    String them = pages == 1 ? "it" : "them";
    return count(pages, "page") + " recorded as indexed " + (pages == 1 ? "is" : "are") + " not in the search index"
        + (crawling ? " yet: its crawl is running, and commits " + them + " within seconds"
            : ": its crawl stopped before it committed " + them + " (killed?); run it again, which resumes and"
                + " fetches " + them + " again: sitepulse crawl --data " + data + " SEED");
  }

  /** {@link #said} of the pages in {@code data}, or null when there are none. */
  public static String saidOf(Path data) {
    long pages = in(data);
    return pages == 0 ? null : said(pages, data, crawling(data));
  }
}
