package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.index.PageIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a crawl, then the same command again: the crawl ends with the pages an
 * uninterrupted crawl finds, and nothing the killed run had committed is fetched a second time.
 */
class CrawlResumeIT {

  @RegisterExtension static WireMockExtension site = StubServer.busyStubs();

  @TempDir Path work;

  private String seed() {
    return StubServer.url(site, "/site/index.html");
  }

  @Test
  void aKilledCrawlResumesToTheSamePagesWithoutFetchingCommittedPagesAgain() throws Exception {
    Path reference = work.resolve("reference");
    Crawler.run(CrawlConfig.builder(List.of(seed()), reference).delay(Duration.ZERO).build(), CrawlListener.NONE);
    Set<String> expected = doneUrls(reference.resolve("crawl.db"));
    site.resetRequests();
    site.setGlobalFixedDelay(200); // slow enough to be killed half-way

    Path data = work.resolve("data");
    String[] args = {"crawl", "--data", data.toString(), "--delay", "0", "--per-host", "1",
        "--concurrency", "1", seed()};
    Process first = JarProcess.start(work, args);
    // Kill once some pages are done and the index has a commit (every 5 s): both kinds of page,
    // committed and not, are then in the killed run's state.
    JarProcess.awaitWhileAlive(first, Duration.ofSeconds(60),
        () -> countDone(data.resolve("crawl.db")) >= 12 && hasCommit(data.resolve("index")));
    assertThat(first.isAlive())
        .as(() -> "killed before it finished; it said: " + read(work.resolve("started.err")))
        .isTrue();
    first.destroyForcibly().waitFor();

    long committedSeq;
    try (PageIndex index = PageIndex.open(data.resolve("index"))) {
      String seq = index.lastCommitData().get("sitepulse.seq");
      committedSeq = seq == null ? 0 : Long.parseLong(seq);
    }
    Set<String> committedBeforeKill = urls(data.resolve("crawl.db"),
        "SELECT url FROM urls WHERE state='done' AND seq <= " + committedSeq);

    site.setGlobalFixedDelay(0);
    JarProcess.Result second = JarProcess.java(Duration.ofSeconds(90), work, args);
    assertThat(second.exitCode()).as(second.toString()).isZero();

    assertThat(doneUrls(data.resolve("crawl.db"))).isEqualTo(expected);
    assertThat(urls(data.resolve("crawl.db"), "SELECT url FROM urls WHERE state IN ('queued','fetching')")).isEmpty();
    Map<String, Long> fetches = site.findAll(anyRequestedFor(urlMatching("/site/.*"))).stream()
        .map(r -> r.getAbsoluteUrl()).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<String> fetchedTwice = new ArrayList<>();
    for (String url : committedBeforeKill) {
      if (fetches.getOrDefault(url, 0L) != 1) {
        fetchedTwice.add(url + " x" + fetches.get(url));
      }
    }
    assertThat(committedBeforeKill).isNotEmpty();
    assertThat(fetchedTwice).as("committed pages fetched again").isEmpty();
  }

  @Test
  void aCrawlStoppedBySigtermCommitsWhatItFetchedSoTheNextRunFetchesNothingTwice() throws Exception {
    site.resetRequests();
    site.setGlobalFixedDelay(200);
    Path data = work.resolve("stopped");
    String[] args = {"crawl", "--data", data.toString(), "--delay", "0", "--per-host", "1",
        "--concurrency", "1", seed()};
    Process first = JarProcess.start(work, args);
    JarProcess.awaitWhileAlive(first, Duration.ofSeconds(60), () -> countDone(data.resolve("crawl.db")) >= 5);
    assertThat(first.isAlive()).as(() -> "stopped before it finished; it said: " + read(work.resolve("started.err")))
        .isTrue();

    first.destroy(); // SIGTERM
    assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(first.exitValue()).isEqualTo(130);
    assertThat(read(work.resolve("started.out"))).contains("URLs queued (stopped by SIGTERM); run again to continue");
    site.setGlobalFixedDelay(0);
    JarProcess.Result second = JarProcess.java(Duration.ofSeconds(90), work, args);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    Map<String, Long> fetches = site.findAll(anyRequestedFor(urlMatching("/site/.*"))).stream()
        .map(r -> r.getAbsoluteUrl()).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(fetches).as("every page fetched, none twice").hasSizeGreaterThan(20).allSatisfy((url, n) ->
        assertThat(n).as(url).isEqualTo(1));
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static Set<String> doneUrls(Path db) throws SQLException {
    return urls(db, "SELECT url FROM urls WHERE state IN ('done','failed','skipped-robots')");
  }

  private static boolean hasCommit(Path index) {
    try (var files = java.nio.file.Files.list(index)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (java.io.IOException notYet) {
      return false;
    }
  }

  private static long countDone(Path db) {
    try {
      return urls(db, "SELECT url FROM urls WHERE state='done'").size();
    } catch (SQLException notCreatedYet) {
      return 0;
    }
  }

  private static Set<String> urls(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      Set<String> out = new HashSet<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
