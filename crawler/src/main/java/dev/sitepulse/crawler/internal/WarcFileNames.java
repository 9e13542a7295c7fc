package dev.sitepulse.crawler.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A run's WARC file is named by the time it began: crawl-2030-01-02T12-00-00Z.warc.gz. */
final class WarcFileNames {

  private static final String PREFIX = "crawl-";
  private static final String SUFFIX = ".warc.gz";

  private WarcFileNames() {}

  /** With '-' for the instant's ':', which some file systems refuse. */
  static String of(Instant opened) {
    return PREFIX + opened.toString().replace(':', '-') + SUFFIX;
  }

  /** When the run that wrote {@code file} began it; null for a name no run gave. */
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
