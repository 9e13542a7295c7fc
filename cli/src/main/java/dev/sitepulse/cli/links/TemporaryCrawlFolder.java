package dev.sitepulse.cli.links;

import dev.sitepulse.cli.Signals;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The folder a link check without --data crawls into: made in the system's temporary folder, and
 * removed when closed, or as the JVM quits before that. Ctrl-C in the demo quits at once
 * (System.exit), and a second one in links halts: the folder goes then too, the crawl's threads
 * still running (a file one writes then may be left).
 */
final class TemporaryCrawlFolder implements AutoCloseable {

  /** Removes a folder and everything in it. */
  interface Removal {
    void remove(Path dir) throws IOException;
  }

  private final Path dir;
  private final Removal removal;
  private final Thread cleanUp;
  private final Runnable notAtHalt;

  private TemporaryCrawlFolder(Path dir, Removal removal) {
    this.dir = dir;
    this.removal = removal;
    this.cleanUp = new Thread(() -> deleteQuietly(dir), "sitepulse-links-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    this.notAtHalt = Signals.beforeHalting(() -> deleteQuietly(dir));
  }

  /** A new folder, removed at the end by {@code removal}: {@link #deleteTree} but in a test. */
  static TemporaryCrawlFolder make(Removal removal) throws IOException {
    return new TemporaryCrawlFolder(Files.createTempDirectory("sitepulse-links-"), removal);
  }

  Path path() {
    return dir;
  }

  /**
   * Removes the folder. The report is finished, or a failure is on its way: neither is lost for a
   * folder left behind, which one line on stderr names.
   */
  @Override
  public void close() {
    notAtHalt.run();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs, or has run
    }
    String why = removed(dir, removal);
    if (why != null) {
      System.err.println("sitepulse: the link check's temporary folder " + dir + " could not be removed ("
          + why + "); remove it by hand");
    }
  }

  /** Quietly: the JVM is on its way out, and a temporary folder left behind is all that is lost. */
  private static void deleteQuietly(Path dir) {
    removed(dir, TemporaryCrawlFolder::deleteTree);
  }

  /** Removes {@code dir}; null once it is gone, else why it is not, in words. */
  private static String removed(Path dir, Removal removal) {
    try {
      removal.remove(dir);
      return null;
    } catch (IOException e) {
      return IoErrors.why(e);
    } catch (UncheckedIOException e) { // Files.walk's: a folder it could not read, or a file that went meanwhile
      return IoErrors.why(e.getCause());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
