package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryCacheIT {
  @TempDir Path work;

  @Test
  void aCrawlOpensCrawlDbWhereSqliteJdbcCouldNotUnpackItsLibrary() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // Left to itself, sqlite-jdbc copies its library into this folder, where not even root may
    // create a file (as with a full or read-only /tmp), and the crawl fails with "Error opening
    // connection".
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
    List<String> noTemporaryFolder = List.of("-Dorg.sqlite.tmpdir=/proc");

    JarProcess.Result crawl = JarProcess.java(Duration.ofSeconds(60), work, noTemporaryFolder,
        "crawl", "--data", "data", "--max-pages", "1", "http://127.0.0.1:" + closedPort + "/");

    // It ran to its end: nothing listens on the port, so it fetched nothing, which exits 2.
    assertThat(crawl.exitCode()).as("%s", crawl).isEqualTo(2);
    assertThat(crawl.out()).as("%s", crawl).contains("crawled 0 pages");
    assertThat(crawl.err()).contains("sitepulse: nothing was fetched").doesNotContain("native library")
        .doesNotContain("ERROR");
    assertThat(work.resolve("data/crawl.db")).isRegularFile();
    assertThat(work.resolve(".cache/sitepulse")).isDirectoryContaining(
        folder -> folder.getFileName().toString().startsWith("sqlite-jdbc-"));
  }
}
