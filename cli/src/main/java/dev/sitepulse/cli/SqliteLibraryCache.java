package dev.sitepulse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in the user's cache folder, next to the launcher's class-data
 * archives, and points sqlite-jdbc at it. Left alone, sqlite-jdbc copies the library out of the jar
 * into a new temporary file on every start, after running {@code uname} to find the platform:
 * 70-80 ms of each command that opens crawl.db or history.db, against 12 ms to load a kept copy.
 *
 * <p>Anything unexpected (no home, a read-only or foreign folder) leaves sqlite-jdbc to its own
 * way. The copy is keyed by sqlite-jdbc's version and the CPU, and written under a temporary name,
 * so a half-written file is never loaded.
 */
final class SqliteLibraryCache {
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";
  private static final FileAttribute<?>[] PRIVATE = FileSystems.getDefault().supportedFileAttributeViews()
      .contains("posix") ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];

  private SqliteLibraryCache() {}

  /** Under $XDG_CACHE_HOME/sitepulse (or ~/.cache/sitepulse), where the launcher keeps its archives. */
  static void install() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    if (xdg != null && !xdg.isEmpty()) {
      install(Path.of(xdg, "sitepulse"));
    } else if (home != null && !home.isEmpty() && !home.equals("?")) {
      install(Path.of(home, ".cache", "sitepulse"));
    }
  }

  /** Returns the kept library, or null when sqlite-jdbc is left to find its own. */
  static Path install(Path cache) {
    if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      return null; // the user chose a library
    }
    try {
      String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
          .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
      Path folder = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
      // Private from the start: under a umask of 002 they would otherwise be group-writable.
      Files.createDirectories(folder, PRIVATE);
      String name = LibraryLoaderUtil.getNativeLibName();
      Path library = folder.resolve(name);
      if (!ownFolder(cache) || !ownFolder(folder)
          || !Files.isRegularFile(library) && !extract(folder, library)) {
        return null;
      }
      System.setProperty(PATH, folder.toString());
      System.setProperty(NAME, name);
      return library;
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(SqliteLibraryCache.class).debug("SQLite's library is not cached", e);
      return null;
    }
  }

  /**
   * Native code is loaded from here: only from folders of this user's that no one else can write
   * to, or rename a folder in.
   */
  private static boolean ownFolder(Path folder) throws IOException {
    if (!Files.getOwner(folder).getName().equals(System.getProperty("user.name"))) {
      return false;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
      return !mode.contains(PosixFilePermission.GROUP_WRITE) && !mode.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return true; // not a POSIX file system (Windows): the owner is what there is to check
    }
  }

  private static boolean extract(Path folder, Path library) throws IOException {
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false; // no library for this platform in the jar: sqlite-jdbc will say so
      }
      Path partial = Files.createTempFile(folder, library.getFileName().toString(), ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return true;
  }
}
