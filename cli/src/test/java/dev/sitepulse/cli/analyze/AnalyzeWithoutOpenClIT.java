package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze where OpenCL finds nothing: the ICD loader pointed at no vendor, or a platform that
 * offers no device. The Java backend still runs, and a device asked for by name is a usage error.
 */
class AnalyzeWithoutOpenClIT {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void anIcdLoaderWithNoVendorLeavesJavaAndSaysWhy() throws Exception {
    List<String> noVendor = List.of("env", "OCL_ICD_VENDORS=" + work.resolve("no-such-vendors"));
    Path data = onePageCrawl();

    JarProcess.Result list = JarProcess.javaThrough(noVendor, LIMIT, work, "analyze", "--list-devices");
    JarProcess.Result opencl = JarProcess.javaThrough(noVendor, LIMIT, work, "analyze", "--data", data.toString(),
        "--device", "opencl");
    JarProcess.Result auto = JarProcess.javaThrough(noVendor, LIMIT, work, "analyze", "--data", data.toString());

    assertThat(list.exitCode()).as("%s", list).isZero();
    assertThat(list.out()).startsWith("cpu ").contains("\n(no OpenCL device: no OpenCL ").doesNotContain("opencl:0");
    assertThat(opencl.exitCode()).as("%s", opencl).isEqualTo(3);
    assertThat(opencl.err()).startsWith("sitepulse: --device opencl: device opencl is not available: no OpenCL ");
    assertThat(auto.exitCode()).as("%s", auto).isZero();
    assertThat(auto.out()).startsWith("== PageRank of 1 page, 0 links: 1 iteration, converged\n   device cpu: ");
  }

  @Test
  void aPlatformWithoutDevicesIsNamedRatherThanNoDeviceTwice() throws Exception {
    JarProcess.Result usual = JarProcess.java(LIMIT, work, "analyze", "--list-devices");
    Assumptions.assumeTrue(usual.out().contains("(Portable Computing Language)"),
        "PoCL is not installed here: " + usual.out());

    JarProcess.Result none = JarProcess.javaThrough(List.of("env", "POCL_DEVICES=nonexistent"), LIMIT, work,
        "analyze", "--list-devices");

    assertThat(none.exitCode()).as("%s", none).isZero();
    assertThat(none.out()).endsWith(
        "\n(no OpenCL device: no device on the OpenCL platform Portable Computing Language)\n");
  }

  /** A crawl.db of one page, as the analysis reads it. */
  private Path onePageCrawl() throws Exception {
    Path data = work.resolve("data");
    Files.createDirectories(data);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        Statement s = db.createStatement()) {
      s.execute("""
          CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, title TEXT, state TEXT, status INTEGER,
              simhash INTEGER, seq INTEGER, redirect_to TEXT, pagerank REAL)""");
      s.execute("CREATE TABLE links(from_id INTEGER, to_url TEXT, nofollow INTEGER NOT NULL DEFAULT 0)");
      s.execute("INSERT INTO urls(url, title, state, status, simhash, seq) VALUES ('http://s/', 'S', 'done', 200, 1, 1)");
    }
    return data;
  }
}
