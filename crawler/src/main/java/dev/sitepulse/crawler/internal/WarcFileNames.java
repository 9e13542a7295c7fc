package dev.sitepulse.crawler.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A run's WARC file is named by the time it began: crawl-2030-01-02T12-00-00Z.warc.gz, with
 * ".open" after it while the run writes it (as Heritrix and wget name theirs), so that a file a
 * killed run left is told from a closed one by its name alone, without reading either.
 */
final class WarcFileNames {

  private static final String PREFIX = "crawl-";
  private static final String SUFFIX = ".warc.gz";
  private static final String OPEN = ".open";

  private WarcFileNames() {}

  /** With '-' for the instant's ':', which some file systems refuse. */
  static String of(Instant opened) {
    return PREFIX + opened.toString().replace(':', '-') + SUFFIX;
  }

  /** The name of the file while its run writes it. */
  static String whileOpen(Instant opened) {
    return of(opened) + OPEN;
  }

  /** The name {@code open} takes once closed; null when it is no run's file still open. */
  static Path closed(Path open) {
    String name = open.getFileName().toString();
    if (!name.endsWith(OPEN)) {
      return null;
    }
    Path closed = open.resolveSibling(name.substring(0, name.length() - OPEN.length()));
    return opened(closed) == null ? null : closed;
  }

  /** When the run that wrote {@code file} (closed) began it; null for a name no run gave. */
  static Instant opened(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return null;
    }
    String time = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
    int t = time.indexOf('T');
    if (t < 0) {
      return null;
    }
    try {
      return Instant.parse(time.substring(0, t) + time.substring(t).replace('-', ':'));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
