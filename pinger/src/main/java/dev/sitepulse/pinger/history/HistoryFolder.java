package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Opens the history of a data folder, {@code DIR/history.db}: for a watch to write, making the
 * folder and locking it, or for a report to read; either way once {@link #check} has found the
 * file to be a history this build can use. What fails is a {@link HistoryException} naming the file.
 */
final class HistoryFolder {

  private HistoryFolder() {}

  /** Makes the store on a checked history: what a failure leaves open, the opening closes. */
  interface Store<T> {
    T open(Path file, DataDirLock lock, Connection connection, NewHistoryFiles made) throws SQLException;
  }

  /**
   * Opens the history in {@code dir} to write, making the folder and the file if needed; a
   * failure takes back what it made.
   *
   * @throws HistoryException {@linkplain HistoryException#inUse() in use} when another writer has
   *     the folder open, from this process or another
   */
  static <T> T openForWriting(Path dir, Store<T> store) {
    Path file = dir.resolve(SqliteHistory.FILE_NAME);
    NewHistoryFiles made = NewHistoryFiles.before(dir, SqliteHistory.lockFile(dir));
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new HistoryException(isAFile(dir), e);
    } catch (IOException e) {
      // The folder is the trouble, not a history.db that does not exist yet; as crawl says it.
      throw new HistoryException(IoErrors.cannotCreateFolder(dir, e), e);
    }
    DataDirLock lock;
    try {
      lock = lock(dir);
    } catch (RuntimeException e) {
      takeBack(e, made::deleteFolders);
      throw e;
    }
    try {
      return open(file, lock, made, store);
    } catch (RuntimeException e) {
      // A history that cannot be made (a full disk) leaves no empty one for report to find.
      takeBack(e, made::deleteFiles);
      lock.close();
      takeBack(e, made::deleteFolders);
      throw e;
    }
  }

  /** Runs a take-back step after {@code failure}, to which what fails in it is added. */
  private static void takeBack(RuntimeException failure, IoStep step) {
    try {
      step.run();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private static <T> T open(Path file, DataDirLock lock, NewHistoryFiles made, Store<T> store) {
    if (Files.isDirectory(file)) { // else SQLite's "unable to open the database file"
      throw new HistoryException(isAFolder(file));
    }
    try {
      Connection c = connect(file, false);
      try {
        check(c, file, true);
        SqliteSchema.create(c);
        return store.open(file, lock, c, made);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new HistoryException("cannot open the history " + file + ": " + IoErrors.why(e, file), e);
    }
  }

  /** Before the file is touched: a second writer would double every check, alert and reminder. */
  private static DataDirLock lock(Path dir) {
    try {
      return DataDirLock.acquire(dir, SqliteHistory.LOCK_USER);
    } catch (DataDirLock.Unavailable e) {
      throw new HistoryException(e.getMessage(), e);
    }
  }

  /** Reads an existing history without writing to it; fails when there is none. */
  static HistoryReader openForReading(Path dir) {
    Path file = dir.resolve(SqliteHistory.FILE_NAME);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new HistoryException(isAFile(dir));
    }
    if (Files.isDirectory(file)) {
      throw new HistoryException(isAFolder(file));
    }
    if (!Files.isRegularFile(file)) {
      throw new HistoryException(noHistory(file));
    }
    // Checked before the reader's connections, which ask for WAL mode: on a file that is not in
    // it already, such as an empty one, read-only SQLite calls that an attempt to write.
    SQLiteConfig plain = new SQLiteConfig();
    plain.setReadOnly(true);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), plain.toProperties())) {
      check(c, file, false);
    } catch (SQLException e) {
      throw new HistoryException(file + ": " + IoErrors.why(e, file), e);
    }
    return new SqliteReader(file);
  }

  /**
   * Fails unless {@code file}, open on {@code c}, is a history of a schema this build knows, saying
   * what it is instead. An empty file is a new history to a writer and none to a reader. A damaged
   * one, some of the tables every watch makes gone, is refused to a writer, which would go on as
   * if the checks it lost had never been, and to a reader only when it lacks a table reports read.
   */
  static void check(Connection c, Path file, boolean forWriting) throws SQLException {
    List<String> tables = SqliteSchema.tables(c);
    if (tables.isEmpty()) {
      if (forWriting) {
        return;
      }
      throw new HistoryException(noHistory(file));
    }
    boolean whole = SqliteSchema.isHistory(tables);
    if (!whole && !SqliteSchema.isDamagedHistory(tables)) {
      throw new HistoryException(forWriting
          ? file + " is " + SqliteSchema.notAHistory(tables) + "; give watch a --data folder of its own"
          : file + ": " + SqliteSchema.notAHistory(tables));
    }
    List<String> missing = SqliteSchema.missingForReading(tables);
    if (forWriting ? !whole : !missing.isEmpty()) {
      throw new HistoryException(file + ": " + SqliteSchema.damaged(missing));
    }
    String unknown = SqliteSchema.unknownVersion(SqliteSchema.version(c));
    if (unknown != null) {
      throw new HistoryException(file + " is " + unknown);
    }
  }

  /** A history.db that is not there, or empty, in the words report uses. */
  private static String noHistory(Path file) {
    return file + ": no history here (sitepulse watch writes it)";
  }

  /** A history.db that is a folder, in the words watch and report both use. */
  private static String isAFolder(Path file) {
    return file + " is a folder, not a history (sitepulse watch writes a file there)";
  }

  /** A data folder that is a file, in the words watch and report both use. */
  private static String isAFile(Path dir) {
    return dir + " is a file, not a data folder (sitepulse watch --data DIR writes DIR/"
        + SqliteHistory.FILE_NAME + ")";
  }

  static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    if (!readOnly) { // a reader takes the file as it is: WAL while a watch writes, plain once it stopped
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.setReadOnly(readOnly);
    if (readOnly) {
      // Reports scan whole windows: mapped pages are read without a copy into SQLite's cache.
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30));
    }
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }
}
