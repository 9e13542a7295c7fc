package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * --fresh over a folder whose old index cannot be walked: a folder nested past the system's longest
 * path, which no one, root included, can open by its path (made by mkdir from halfway down, by a
 * relative path; JUnit's @TempDir could not delete it either, so rm does).
 */
class CrawlFolderTest {

  private Path data;

  @AfterEach
  void removeData() throws Exception {
    if (data != null) {
      assertThat(new ProcessBuilder("rm", "-rf", data.toString()).start().waitFor()).isZero();
    }
  }

  @Test
  void anOldIndexThatCannotBeWalkedRefusesTheFreshStartInOneLineNamingTheFolder() throws Exception {
    data = Files.createTempDirectory("sitepulse-folder-");
    Files.createFile(data.resolve("crawl.db")); // a crawl's folder: an empty crawl.db is no other program's
    String name = "d".repeat(200);
    Path halfway = Files.createDirectories(data.resolve("index/" + (name + "/").repeat(10)));
    // The rest from halfway down, by a path relative to it: 15 levels more, some 5 KB from the root.
    assertThat(new ProcessBuilder("mkdir", "-p", (name + "/").repeat(15)).directory(halfway.toFile()).start()
        .waitFor()).isZero();
    CrawlConfig fresh = new CrawlSpec(List.of("http://127.0.0.1:9/"), data.toString(), null, null, null, null,
        null, null, null, null, null, null, null, null, null, null).toConfig(CrawlStart.FRESH);

    assertThatThrownBy(() -> CrawlFolder.open(fresh, fresh.seeds()).close()).isInstanceOf(CrawlException.class)
        .hasMessageStartingWith("cannot start afresh in " + data + ": index/" + "d".repeat(74) + "…: ")
        .hasMessageEndingWith(": File name too long");
  }

  @Test
  void aFileThatCannotBeRemovedIsNamedWithinTheFolderWithWhyInWords() {
    // NIO's message for a refused delete is the path alone: the line read "...: /data/index/_0.cfs".
    Path data = Path.of("/data");

    assertThat(CrawlFolder.reason(data, new AccessDeniedException("/data/index/_0.cfs")))
        .isEqualTo("index/_0.cfs: permission denied");
    assertThat(CrawlFolder.reason(data, new IOException("disk on fire"))).isEqualTo("disk on fire");
  }
}
