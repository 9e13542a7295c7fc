package dev.sitepulse.cli;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.io.PrintStream;
import java.nio.file.Files;
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

  /** Where watch and report kept their files before every command shared {@link DataDirLock#DEFAULT_FOLDER}. */
  public static final String FORMER_HISTORY_FOLDER = "data";

  /**
   * Where watch keeps its history.db, and report reads it, when no folder is given:
   * {@link DataDirLock#DEFAULT_FOLDER}, unless a history.db an earlier version wrote to ./data is
   * there and the default folder has none yet. That one is used where it is, with a notice: a new,
   * empty history beside it would restart every target's state and send its alerts again.
   *
   * @param workingDir the folder relative names are in
   */
  public static Path historyDefault(Path workingDir, PrintStream err) {
    Path folder = Path.of(DataDirLock.DEFAULT_FOLDER);
    Path former = Path.of(FORMER_HISTORY_FOLDER);
    if (!Files.exists(workingDir.resolve(folder).resolve(SqliteHistory.FILE_NAME))
        && Files.exists(workingDir.resolve(former).resolve(SqliteHistory.FILE_NAME))) {
      err.println("sitepulse: using " + former.resolve(SqliteHistory.FILE_NAME) + ", where an earlier version kept it;"
          + " move it into " + folder + " or give --data " + former + " to silence this notice");
      return former;
    }
    return folder;
  }
}
