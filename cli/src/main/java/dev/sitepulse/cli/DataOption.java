package dev.sitepulse.cli;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** The {@code --data} folder that search, analyze, report and watch are given, and crawl's and links' checks of it. */
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
    Path file = fileOnTheWay(data);
    if (file != null && !file.equals(data)) { // data itself a file: each command says what it wanted there
      throw insideAFile(file, data);
    }
    return data;
  }

  /**
   * Fails, as data that is there but cannot be read, when this user may not enter {@code data} or
   * a folder on its way, as a service account's crawl or watch leaves it: every file in it would
   * read as missing, and "run sitepulse crawl --data DIR first" send them to crawl where they
   * cannot write either.
   */
  public static void requireReadable(Path data) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(data, BasicFileAttributes.class);
      if (!attributes.isDirectory() || Files.isReadable(data) && Files.isExecutable(data)) {
        return;
      }
    } catch (AccessDeniedException e) {
      // a folder on the way: said as of data, the folder the user named
    } catch (IOException e) {
      return; // missing, or a file on the way: each command says what it wanted there
    }
    throw new UnreadableException("cannot read " + data + ": permission denied");
  }

  /** {@code data} lies in {@code file}: no folder can be made there, so no advice to crawl into it. */
  public static UsageException insideAFile(Path file, Path data) {
    return new UsageException(file + " is a file, so --data " + data + " cannot be a folder in it");
  }

  /** The folder, or the nearest of its parents that exists, when that is no folder; else null. */
  public static Path fileOnTheWay(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }

  /** Where watch and report kept their files before every command shared {@link DataDirLock#DEFAULT_FOLDER}. */
  private static final Path FORMER_HISTORY_FOLDER = Path.of("data");

  /**
   * Where watch keeps its history.db, and report reads it, when no folder is given:
   * {@link DataDirLock#DEFAULT_FOLDER}, or the {@linkplain #formerHistory former folder}.
   */
  public static Path historyDefault(Path workingDir, PrintStream err) {
    return formerHistory(workingDir, err).orElse(Path.of(DataDirLock.DEFAULT_FOLDER));
  }

  /**
   * ./data, with a notice, when a history.db an earlier version wrote there is the only one: a
   * new, empty history in the default folder would restart every target's state and send its
   * alerts again. Empty otherwise.
   *
   * @param workingDir the folder relative names are in
   */
  public static Optional<Path> formerHistory(Path workingDir, PrintStream err) {
    Path folder = Path.of(DataDirLock.DEFAULT_FOLDER);
    if (Files.exists(workingDir.resolve(folder).resolve(SqliteHistory.FILE_NAME))
        || !Files.exists(workingDir.resolve(FORMER_HISTORY_FOLDER).resolve(SqliteHistory.FILE_NAME))) {
      return Optional.empty();
    }
    err.println("sitepulse: using " + FORMER_HISTORY_FOLDER.resolve(SqliteHistory.FILE_NAME)
        + ", where an earlier version kept it; move it into " + folder + " or give --data " + FORMER_HISTORY_FOLDER
        + " to silence this notice");
    return Optional.of(FORMER_HISTORY_FOLDER);
  }
}
