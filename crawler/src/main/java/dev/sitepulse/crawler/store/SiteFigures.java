package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What crawl.db says about a site, as plain data for {@code report}: URLs by state and status,
 * errors, fetch times, the slowest and largest pages, the seeds, and what {@code analyze} stored.
 * Read from one snapshot, while a crawl may be writing ({@link #read}), into collections that
 * cannot be changed, in the order read.
 *
 * @param byState URLs per crawl state ({@link UrlState#column()}), most first
 * @param indexed pages whose text is in the search index
 * @param duplicates exact duplicates of another page
 * @param statuses URLs per HTTP status, ascending; not the fetches that got none
 * @param errors URLs per error kind, most first
 * @param bytes the bytes fetched, over every URL
 * @param fetchMillis the fetch time of every fetch that got an answer, a status at least: a
 *     failure has no time to speak of, or none measured at all (0 for a URL whose host did not
 *     answer for robots.txt), and counted in made a crawl with a host down look fast
 * @param slowest the pages ({@link AnalyzedCrawl#PAGES}) fetched slowest, in ms: a redirect, an
 *     error page or a PDF is no page to speed up
 * @param largest the largest pages, in bytes, taken alike
 * @param seeds the URLs the crawl started from, in the order it learnt them
 * @param seedsNotReached seeds left queued or in flight: the latest run did not fetch them
 * @param linkTargets the distinct URLs the links lead to, redirects taken as hops, not links
 * @param topRanked the pages with the highest PageRank that are still pages, ties by row id
 * @param analysis what the last {@code analyze} stored, null when none ran
 * @param lastFetched when the crawl last fetched a URL, null when it fetched none
 */
public record SiteFigures(
    Map<String, Long> byState,
    long indexed,
    long duplicates,
    Map<Integer, Long> statuses,
    Map<String, Long> errors,
    long bytes,
    float[] fetchMillis,
    List<PageFigure> slowest,
    List<PageFigure> largest,
    List<String> seeds,
    List<String> seedsNotReached,
    long linkTargets,
    List<RankedPage> topRanked,
    Analysis analysis,
    Instant lastFetched) {

  /** A page and one figure of it: fetch ms, or bytes. */
  public record PageFigure(String url, double value) {}

  /** @param title the page's title, empty when it has none */
  public record RankedPage(String title, String url, double rank) {}

  /**
   * The ranks and clusters {@code analyze} stored.
   *
   * @param at when, null for an analyze that did not record it (before 2026-12-06)
   * @param pages the pages it ranked
   * @param clusters the near-duplicate clusters it found
   * @param crawlChangedSince what analyze would read now is not what it read
   *     ({@link AnalyzedCrawl#changedSince}); true too for a record whose digest cannot be compared
   */
  public record Analysis(Instant at, long pages, long clusters, boolean crawlChangedSince) {}

  /**
   * Reads {@code file} read-only, in one read transaction: every figure is of the same snapshot,
   * though a crawl writes on. Nothing is made, brought up to date or written.
   *
   * @param shown how many pages each list holds at most
   * @return null when the file has no tables: a crawl killed before it made them
   * @throws SQLException when SQLite cannot read the file, or it is no crawl.db
   */
  public static SiteFigures read(Path file, int shown) throws SQLException {
    return SiteFiguresReader.read(file, shown);
  }
}
