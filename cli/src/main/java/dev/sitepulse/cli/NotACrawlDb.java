package dev.sitepulse.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crawl.db without a table or column a crawl writes, said as what it lacks rather than as SQLite's
 * error: another program's table named urls, or no tables at all.
 */
public final class NotACrawlDb {
  /** SQLite's words for a table or column a crawl.db would have: "(no such column: seq)". */
  private static final Pattern NO_SUCH = Pattern.compile("\\(no such (table|column): ([^)]+)\\)");

  private NotACrawlDb() {}

  /**
   * "FILE: not a sitepulse crawl.db: why" when reading {@code file} failed with {@code e} for a
   * missing table or column; null for any other failure.
   */
  public static UsageException of(Path file, Path data, SQLException e) {
    Matcher missing = NO_SUCH.matcher(String.valueOf(e.getMessage()));
    return missing.find() ? new UsageException(file + ": not a sitepulse crawl.db: " + why(missing, data)) : null;
  }

  /**
   * Why a file is no crawl.db. With no urls table it has no tables at all: one with tables of
   * another program was refused before. A crawl killed before it made its tables leaves it so.
   */
  private static String why(Matcher missing, Path data) {
    if (missing.group(1).equals("table") && missing.group(2).equals("urls")) {
      return "it holds no tables, as a crawl killed before it made them leaves it; run sitepulse crawl --data "
          + data + " SEED";
    }
    return "it has no " + missing.group(1) + " " + missing.group(2) + ", which crawl writes; give another --data";
  }
}
