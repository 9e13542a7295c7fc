package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A crawl's data folder, made if missing and locked (crawl.lock) before anything in it changes;
 * refused when it holds what this crawl must not touch, and emptied for --fresh.
 */
final class CrawlFolder {

  private CrawlFolder() {}

  /**
   * Claims {@code config}'s folder for a crawl of {@code seeds}, as its start asks.
   *
   * @throws CrawlException naming the folder, with nothing in it changed, when it is another
   *     crawl's now, another program's or another kind of run's, or cannot be made
   */
  static DataDirLock open(CrawlConfig config, List<String> seeds) throws CrawlException {
    CrawlDb.Maker maker = Files.exists(config.crawlDb()) ? CrawlDb.makerOf(config.crawlDb()) : null;
    // Before the lock, whose file would be the one thing a refused folder gained.
    if (maker == CrawlDb.Maker.ANOTHER_PROGRAM) {
      throw new CrawlException(config.crawlDb() + ": " + CrawlDb.ANOTHER_PROGRAMS, null);
    }
    DataDirLock lock = claim(config.dataDir());
    try {
      refuseAnotherKindOfFolder(config, maker);
      if (config.start() == CrawlStart.FRESH) {
        wipe(config);
      } else if (maker == CrawlDb.Maker.CRAWL && config.purpose() == CrawlPurpose.LINK_CHECK) {
        refuseToFetchForACrawlForSearch(config, seeds); // before anything is opened or written
      }
      return lock;
    } catch (CrawlException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** @throws CrawlException naming the folder when another crawl holds it, or it cannot be made */
  private static DataDirLock claim(Path dataDir) throws CrawlException {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw new CrawlException(dataDir + " is a file, and --data names a folder", e);
    } catch (IOException e) {
      throw new CrawlException(IoErrors.cannotCreateFolder(dataDir, e), e);
    }
    try {
      return DataDirLock.acquire(dataDir, "crawl");
    } catch (DataDirLock.Unavailable e) {
      throw new CrawlException(e.getMessage(), e);
    }
  }

  /**
   * Without a crawl.db, DATA is not a crawl's folder: its index/ or warc/ may be anyone's, and a
   * crawl would write into that index (failing every page) or --fresh delete it. A link check's
   * crawl.db (links --data) says so: resumed for search, its pages would count as done and never
   * reach an index. (Not told by a missing index/: a crawl killed before it made one has none.)
   *
   * @param maker who made DATA's crawl.db; null when there is none
   */
  private static void refuseAnotherKindOfFolder(CrawlConfig config, CrawlDb.Maker maker) throws CrawlException {
    boolean crawled = maker != null;
    for (Path dir : List.of(config.indexDir(), config.warcDir())) {
      if (!crawled && Files.exists(dir)) {
        throw new CrawlException(config.dataDir() + " holds " + dir.getFileName()
            + "/ but no crawl.db, so it is not a sitepulse data folder and "
            + (config.start() == CrawlStart.FRESH ? "--fresh deletes nothing" : "nothing in it is changed")
            + "; give another --data", null);
      }
    }
    if (maker == CrawlDb.Maker.LINK_CHECK && config.start() != CrawlStart.FRESH
        && config.purpose() == CrawlPurpose.SEARCH) {
      throw new CrawlException(config.dataDir() + " holds a link check's crawl.db (sitepulse links"
          + " --data) and no index/, so there is no crawl for search to "
          + (config.start() == CrawlStart.REFRESH ? "refresh" : "resume")
          + "; start one with --fresh, or give another --data", null);
    }
  }

  /**
   * A link check in a crawl for search's folder may only read it: a page it fetched would be done
   * in crawl.db but have no document, and the crawl, resumed, would never fetch it again. So a
   * crawl with URLs still queued or in flight, or a seed it does not know, is left as it is.
   */
  private static void refuseToFetchForACrawlForSearch(CrawlConfig config, List<String> seeds)
      throws CrawlException {
    long unfinished;
    String unknownSeed;
    try {
      CrawlDb.Unfinished left = CrawlDb.unfinished(config.crawlDb(), seeds);
      unfinished = left.queuedOrFetching();
      unknownSeed = left.unknownSeed();
    } catch (SQLException e) {
      throw new CrawlException(config.crawlDb() + ": " + IoErrors.why(e), e);
    }
    if (unfinished == 0 && unknownSeed == null) {
      return;
    }
    String what = unfinished > 0
        ? "a crawl for search with " + unfinished + (unfinished == 1 ? " URL" : " URLs")
            + " not fetched yet; a link check would fetch them without"
            + " indexing them, and the crawl would then never index them"
        : "a crawl for search that never fetched " + unknownSeed + "; a link check would fetch it without"
            + " indexing it, and the crawl would then never index it";
    throw new CrawlException(config.dataDir() + " holds " + what + ", so nothing is changed: "
        + (unfinished > 0 ? "finish it" : "crawl that seed") + " with sitepulse crawl --data " + config.dataDir()
        + " first, or give another --data", null);
  }

  private static void wipe(CrawlConfig config) throws CrawlException {
    try {
      // crawl.db last: a kill half-way must not leave index/ or warc/ without it, which later runs
      // would take for another program's folder.
      for (Path dir : List.of(config.indexDir(), config.warcDir())) {
        if (Files.isDirectory(dir)) {
          for (Path p : everythingIn(dir)) {
            Files.delete(p);
          }
        }
      }
      for (Path p : List.of(config.crawlDb().resolveSibling("crawl.db-wal"),
          config.crawlDb().resolveSibling("crawl.db-shm"), config.crawlDb())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new CrawlException("cannot start afresh in " + config.dataDir() + ": " + reason(config.dataDir(), e), e);
    }
  }

  /**
   * Which file could not be removed, within the folder and cut to a readable length, and why in
   * words: NIO's message for a refused delete is the path alone.
   */
  static String reason(Path dataDir, IOException e) {
    if (!(e instanceof FileSystemException f) || f.getFile() == null) {
      return IoErrors.why(e);
    }
    Path file = Path.of(f.getFile());
    String shown = file.startsWith(dataDir) && !file.equals(dataDir) ? dataDir.relativize(file).toString() : f.getFile();
    return (shown.length() > SHOWN_PATH ? shown.substring(0, SHOWN_PATH) + "…" : shown) + ": " + IoErrors.why(e);
  }

  /** The most of a path an error line shows: a folder nested past the longest path is kilobytes long. */
  private static final int SHOWN_PATH = 80;

  /**
   * {@code dir} and all below it, the deepest first. Files.walk reports what it cannot read (a
   * folder nested past the longest path) unchecked, which would pass every catch of IOException.
   */
  private static List<Path> everythingIn(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.sorted(Comparator.reverseOrder()).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
