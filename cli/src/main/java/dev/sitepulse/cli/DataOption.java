package dev.sitepulse.cli;

import java.nio.file.Path;

/** The {@code --data} folder that search, analyze, report and watch are given. */
public final class DataOption {
  private DataOption() {}

  /**
   * {@code data}, unless it is empty: {@code Path.of("")} is the working folder, where watch would
   * have written its history.db unasked. crawl and links, and the configs' {@code data:}, refuse it too.
   */
  public static Path requireFolder(Path data) {
    if (data.toString().isEmpty()) {
      throw new UsageException("--data must name a folder, got an empty value");
    }
    return data;
  }
}
