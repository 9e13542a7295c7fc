package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A crawl's data folder, made if missing and locked (crawl.lock) before anything in it changes. */
final class CrawlFolder {

  private CrawlFolder() {}

  /** @throws CrawlException naming the folder when another crawl holds it, or it cannot be made */
  static DataDirLock claim(Path dataDir) throws CrawlException {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw new CrawlException(dataDir + " is a file, and --data names a folder", e);
    } catch (IOException e) {
      // Here a missing folder can only be a parent that cannot hold one.
      String why = e instanceof NoSuchFileException ? "its parent cannot hold it" : IoErrors.why(e);
      throw new CrawlException("cannot create the folder " + dataDir + ": " + why, e);
    }
    try {
      return DataDirLock.acquire(dataDir, "crawl");
    } catch (DataDirLock.Unavailable e) {
      throw new CrawlException(e.getMessage(), e);
    }
  }
}
