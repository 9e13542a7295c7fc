package dev.sitepulse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitepulse demo} from the real jar, run once from a directory with no stubs or config in it. */
class DemoCommandIT {

  @TempDir static Path emptyDir;
  private static JarProcess.Result run;

  @BeforeAll
  static void runTheDemo() throws Exception {
    run = JarProcess.java(Duration.ofSeconds(90), emptyDir, "demo");
  }

  @Test
  void theDemoShowsEveryVerdictAndTheMainErrorKindsAndExitsZero() {
    assertThat(run.exitCode()).as("%s", run).isZero();
    for (Verdict v : Verdict.values()) {
      assertThat(run.out()).as("%s", run).containsPattern("\\b" + v.name() + "\\b");
    }
    for (String kind : new String[] {"RESET", "PROTOCOL", "TLS", "TOO_MANY_REDIRECTS", "CONNECT_REFUSED", "DNS"}) {
      assertThat(run.out()).as("%s", run).contains(ErrorKind.valueOf(kind).name() + ": ");
    }
    assertThat(run.out()).containsPattern("20 checks: \\d+ up, \\d+ degraded, \\d+ down, \\d+ timeout, \\d+ error");
  }

  @Test
  void eachCommandTheDemoShowsNamesTheTimeoutItRunsWith() {
    assertThat(run.out()).as("%s", run)
        .containsPattern("== sitepulse crawl --data \\S+ --delay 0 --per-host 4 --timeout 30s http://")
        .containsPattern("== sitepulse crawl --refresh --data \\S+ --delay 0 --per-host 4 --timeout 30s http://")
        .containsPattern("== sitepulse links --delay 0 --per-host 4 --timeout 30s --check-anchors http://");
  }

  @Test
  void theRefreshStepFindsTheStubSitesPagesUnchanged() {
    String refresh = run.out().substring(run.out().indexOf("== sitepulse crawl --refresh"), run.out().indexOf("== sitepulse links"));

    assertThat(refresh).as("%s", run)
        .containsPattern("refreshed: [1-9]\\d* unchanged \\(304 Not Modified\\), 0 removed from the index")
        .contains("crawled ", "(0 indexed)");
  }

  @Test
  void theLinksStepShowsTheSourceLineOfEachBrokenLink() {
    String links = run.out().substring(run.out().indexOf("== sitepulse links"), run.out().indexOf("== sitepulse analyze"));

    assertThat(links).as("%s", run)
        .containsPattern("from http://127\\.0\\.0\\.1:\\d+/site/guide/install\\.html:28  \"")
        .containsPattern("from http://127\\.0\\.0\\.1:\\d+/site/reference/error-codes\\.html:26  \"")
        .containsPattern("from http://127\\.0\\.0\\.1:\\d+/site/guide/configuration\\.html:26  \"<img> Flags over");
  }

  @Test
  void theMisspeltSearchFindsPagesAndSuggestsTheQuerySpeltRight() {
    String search = run.out().substring(run.out().indexOf("== sitepulse search --data") + 1);
    String misspelt = search.substring(search.indexOf("'widgte cache'"));

    assertThat(misspelt).as("%s", run).containsPattern("\\d+ of \\d+ hits for widgte cache in ")
        .contains("did you mean: widget cache");
  }
}
