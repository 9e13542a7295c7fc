package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewHistoryFilesTest {

  @TempDir Path dir;

  @Test
  void takingBackDeletesTheFoldersAndFilesOpeningMadeAndNothingThatWasThere() throws Exception {
    Path data = dir.resolve("a/b/data");
    NewHistoryFiles made = openingMakes(data);

    made.takeBack();

    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir).isDirectory();
  }

  @Test
  void aFolderSomethingElseWasPutInMeanwhileIsKeptWithTheFoldersAboveIt() throws Exception {
    Path data = dir.resolve("a/data");
    NewHistoryFiles made = openingMakes(data);
    Path crawl = Files.writeString(data.resolve("crawl.db"), "");

    made.takeBack();

    assertThat(data.resolve(SqliteHistory.FILE_NAME)).doesNotExist();
    assertThat(crawl).exists();
  }

  @Test
  void filesThatWereThereStay() throws Exception {
    Path history = Files.writeString(dir.resolve(SqliteHistory.FILE_NAME), "");
    NewHistoryFiles made = NewHistoryFiles.before(dir, SqliteHistory.lockFile(dir));
    Files.writeString(SqliteHistory.lockFile(dir), "");

    made.takeBack();

    assertThat(history).exists();
    assertThat(SqliteHistory.lockFile(dir)).doesNotExist();
    assertThat(dir).isDirectory();
  }

  /** Notes what is missing in {@code data}, then makes the folder, the history and the lock, as opening does. */
  private static NewHistoryFiles openingMakes(Path data) throws Exception {
    NewHistoryFiles made = NewHistoryFiles.before(data, SqliteHistory.lockFile(data));
    Files.createDirectories(data);
    Files.writeString(data.resolve(SqliteHistory.FILE_NAME), "");
    Files.writeString(SqliteHistory.lockFile(data), "");
    return made;
  }
}
