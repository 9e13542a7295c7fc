package dev.sitepulse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in the user's cache folder, next to the launcher's class-data
 * archives, and points sqlite-jdbc at it. Left alone, sqlite-jdbc copies the library out of the jar
 * into a new temporary file on every start, after running {@code uname} to find the platform:
 * 70-80 ms of each command that opens crawl.db or history.db, against 12 ms to load a kept copy.
 *
 * <p>Native code is loaded from there, so only from a folder no one else can change (the
 * launcher's rule for its archives, see {@link #noOneElseCanChange}). Anything else (no home, a
 * read-only or foreign folder) leaves sqlite-jdbc to its own way. The copy is keyed by
 * sqlite-jdbc's version and the CPU, and written to disk in full under a temporary name before it
 * takes its own, so a half-written file is never loaded.
 */
final class SqliteLibraryCache {
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";
  private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
  private static final FileAttribute<?>[] PRIVATE = UNIX
      ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
      : new FileAttribute<?>[0];
  private static final int GROUP_OR_OTHERS = 0077;
  private static final int GROUP_OR_OTHERS_WRITE = 0022;
  private static final int STICKY = 01000;

  private SqliteLibraryCache() {}

  /** In $XDG_CACHE_HOME/sitepulse or $HOME/.cache/sitepulse, as the launcher's archives; neither set, nowhere. */
  static void install() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getenv("HOME");
    if (xdg != null && !xdg.isEmpty()) {
      install(Path.of(xdg, "sitepulse"));
    } else if (home != null && !home.isEmpty()) {
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
      // Private from the start: under a umask of 002 they would otherwise be group-writable.
      Path folder = Files.createDirectories(
          cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform), PRIVATE).toRealPath();
      if (!noOneElseCanChange(folder)) {
        return null;
      }
      String name = LibraryLoaderUtil.getNativeLibName();
      Path library = folder.resolve(name);
      if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS) && !extract(folder, library)) {
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
   * Whether no one but this user and root can change what is in {@code folder} (a real path): it is
   * the user's and only they may enter it (made so if need be), and every folder above it belongs
   * to the user or root and lets no one else rename what is in it: not writable by group or
   * others, unless sticky as /tmp is. Checked once, this then holds until the library is loaded.
   */
  private static boolean noOneElseCanChange(Path folder) throws IOException {
    String user = System.getProperty("user.name");
    if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(user)) {
      return false;
    }
    if (!UNIX) {
      return true; // not a POSIX file system (Windows): the owner is what there is to check
    }
    if ((mode(folder) & GROUP_OR_OTHERS) != 0) {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
    for (Path at = folder.getParent(); at != null; at = at.getParent()) {
      String owner = Files.getOwner(at, LinkOption.NOFOLLOW_LINKS).getName();
      int mode = mode(at);
      if (!owner.equals(user) && !owner.equals("root")
          || (mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
        return false;
      }
    }
    return true;
  }

  private static int mode(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean extract(Path folder, Path library) throws IOException {
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false; // no library for this platform in the jar: sqlite-jdbc will say so
      }
      Path partial = Files.createTempFile(folder, library.getFileName().toString(), ".partial");
      try {
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
          OutputStream out = Channels.newOutputStream(file);
          in.transferTo(out);
          file.force(true); // on disk before the rename: a power cut must not leave a short library
        }
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return true;
  }
}
