package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --data folder that this user may not enter, as a crawl or a watch run by a service account
 * leaves it: every file in it reads as missing, and "run sitepulse crawl --data DIR first" sent
 * the user to crawl into a folder they cannot write either.
 */
class UnreadableDataIT {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  private Path work;
  private Path data;
  /** Root may enter any folder: it runs the jar as nobody; another user closes the folder to itself. */
  private List<String> asUser;

  @BeforeEach
  void aFolderThisUserMayNotEnter() throws Exception {
    work = Files.createDirectory(tmp.resolve("work"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    data = Files.createDirectory(work.resolve("data"));
    Files.writeString(data.resolve("crawl.db"), "");
    Files.createDirectory(data.resolve("index"));
    Files.writeString(data.resolve("history.db"), "");
    boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
    asUser = root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(root ? "rwx------" : "---------"));
  }

  @Test
  void searchSaysTheFolderCannotBeReadInsteadOfAskingForACrawl() throws Exception {
    JarProcess.Result search = JarProcess.javaThrough(asUser, LIMIT, work, "search", "--data", data.toString(), "x");

    assertThat(search.exitCode()).as("%s", search).isEqualTo(2);
    assertThat(search.err()).isEqualTo("sitepulse: cannot read " + data + ": permission denied\n");
  }

  @Test
  void reportSaysAHistoryItMayNotReadIsPermissionDeniedNotSqlitesWords() throws Exception {
    Path open = Files.createDirectory(work.resolve("open"));
    Path history = Files.writeString(open.resolve("history.db"), "");
    Files.setPosixFilePermissions(history, PosixFilePermissions.fromString(asUser.isEmpty() ? "---------" : "rw-------"));

    JarProcess.Result report = JarProcess.javaThrough(asUser, LIMIT, work, "report", "--data", open.toString());

    assertThat(report.exitCode()).as("%s", report).isEqualTo(2);
    assertThat(report.err()).isEqualTo("sitepulse: " + history + ": permission denied\n");
  }

  @Test
  void analyzeSaysTheFolderCannotBeReadInsteadOfAskingForACrawl() throws Exception {
    JarProcess.Result analyze = JarProcess.javaThrough(asUser, LIMIT, work, "analyze", "--data", data.toString());

    assertThat(analyze.exitCode()).as("%s", analyze).isEqualTo(2);
    assertThat(analyze.err()).isEqualTo("sitepulse: cannot read " + data + ": permission denied\n");
  }

  @Test
  void reportSaysTheFolderCannotBeReadInsteadOfFindingNothingThere() throws Exception {
    JarProcess.Result report = JarProcess.javaThrough(asUser, LIMIT, work, "report", "--data", data.toString());

    assertThat(report.exitCode()).as("%s", report).isEqualTo(2);
    assertThat(report.err()).isEqualTo("sitepulse: cannot read " + data + ": permission denied\n");
  }

  @Test
  void aFolderInsideOneThisUserMayNotEnterCannotBeReadEither() throws Exception {
    Path inside = data.resolve("crawl");

    JarProcess.Result report = JarProcess.javaThrough(asUser, LIMIT, work, "report", "--data", inside.toString());

    assertThat(report.exitCode()).as("%s", report).isEqualTo(2);
    assertThat(report.err()).isEqualTo("sitepulse: cannot read " + inside + ": permission denied\n");
  }
}
