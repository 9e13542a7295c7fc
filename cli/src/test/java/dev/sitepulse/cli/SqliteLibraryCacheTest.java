package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.testing.SomeoneElse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryCacheTest {
  @TempDir Path cache;
  private String path;
  private String name;

  @BeforeEach
  void clearTheChoice() {
    path = System.clearProperty("org.sqlite.lib.path");
    name = System.clearProperty("org.sqlite.lib.name");
  }

  @AfterEach
  void restoreTheChoice() {
    restore("org.sqlite.lib.path", path);
    restore("org.sqlite.lib.name", name);
  }

  @Test
  void keepsACopyOfTheJarsLibraryAndPointsSqliteJdbcAtIt() throws Exception {
    Path library = SqliteLibraryCache.install(cache);

    assertThat(library).isNotNull().startsWith(cache);
    assertThat(library.getParent().getFileName().toString()).contains(SQLiteJDBCLoader.getVersion());
    try (InputStream jar = SQLiteJDBCLoader.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
      assertThat(Files.readAllBytes(library)).isEqualTo(jar.readAllBytes());
    }
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(library.getParent().toString());
    assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(library.getFileName().toString());
    try (var files = Files.list(library.getParent())) {
      assertThat(files).as("no partial copy left behind").containsExactly(library);
    }
  }

  @Test
  void theFoldersItMakesAreTheUsersAlone() throws Exception {
    Path library = SqliteLibraryCache.install(cache.resolve("sitepulse"));

    assertThat(library).isNotNull();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("sitepulse")))).isEqualTo("rwx------");
  }

  @Test
  void aLaterStartUsesTheKeptCopyAsItIs() throws Exception {
    Path library = SqliteLibraryCache.install(cache);
    FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(library, written);
    clearTheChoice();

    assertThat(SqliteLibraryCache.install(cache)).isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
  }

  @Test
  void aLibraryTheUserChoseIsLeftAlone() {
    System.setProperty("org.sqlite.lib.path", "/opt/sqlite");

    assertThat(SqliteLibraryCache.install(cache)).isNull();
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/opt/sqlite");
    assertThat(System.getProperty("org.sqlite.lib.name")).isNull();
  }

  @Test
  void itsOwnFolderIsMadeTheUsersAloneIfOthersCouldEnterIt() throws Exception {
    Path library = SqliteLibraryCache.install(cache);
    clearTheChoice();
    Files.setPosixFilePermissions(library.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(SqliteLibraryCache.install(cache)).isEqualTo(library);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void noFolderAboveItMayLetOthersRenameWhatIsInIt() throws Exception {
    Files.setAttribute(cache, "unix:mode", 0777);

    assertThat(SqliteLibraryCache.install(cache.resolve("sitepulse"))).isNull();
    assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
  }

  @Test
  void noFolderAboveItMayLetItsGroupRenameWhatIsInIt() throws Exception {
    Files.setAttribute(cache, "unix:mode", 0775);

    assertThat(SqliteLibraryCache.install(cache.resolve("sitepulse"))).isNull();
    assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
  }

  @Test
  void aStickyFolderAboveItAsTmpIsIsFine() throws Exception {
    Files.setAttribute(cache, "unix:mode", 01777);

    assertThat(SqliteLibraryCache.install(cache.resolve("sitepulse"))).isNotNull();
  }

  @Test
  void noFolderAboveItMayBelongToSomeoneElse() throws Exception {
    Path theirs = Files.createDirectories(cache.resolve("theirs"));
    SomeoneElse.owns(theirs);

    assertThat(SqliteLibraryCache.install(theirs.resolve("sitepulse"))).isNull();
    assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
  }

  @Test
  void sqliteJdbcIsPointedAtTheRealFolderNotAtALinkToIt() throws Exception {
    Path real = Files.createDirectories(cache.resolve("real"));
    Path link = Files.createSymbolicLink(cache.resolve("link"), real);

    Path library = SqliteLibraryCache.install(link);

    assertThat(library).startsWith(real);
    assertThat(System.getProperty("org.sqlite.lib.path")).startsWith(real.toString());
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
