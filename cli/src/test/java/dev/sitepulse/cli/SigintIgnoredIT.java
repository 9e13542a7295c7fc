package dev.sitepulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running commands started as a shell starts a script's background job ({@code &}): with
 * SIGINT ignored, which the JVM keeps so. Each says at once that only SIGTERM stops it, as
 * {@code watch} does, instead of leaving Ctrl-C and {@code kill -INT} to do nothing unsaid.
 */
class SigintIgnoredIT {

  /** What a non-interactive shell does to a job started with {@code &}: SIGINT ignored, then exec. */
  private static final List<String> AS_A_BACKGROUND_JOB = List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh");

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path work;

  @BeforeEach
  void aOnePageSite() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<title>one</title>")));
  }

  private String seed() {
    return "http://127.0.0.1:" + site.getPort() + "/";
  }

  private static String warning(String what) {
    return "SIGINT cannot stop " + what + ": it was ignored when sitepulse started (a script's job run with &?);"
        + " SIGTERM stops it";
  }

  @Test
  void aCrawlStartedWithSigintIgnoredSaysThatOnlySigtermStopsIt() throws Exception {
    JarProcess.Result run = JarProcess.javaThrough(AS_A_BACKGROUND_JOB, Duration.ofSeconds(60), work,
        "crawl", "--data", work.resolve("data").toString(), "--delay", "0", seed());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).as("%s", run).contains("WARN  " + warning("the crawl"));
  }

  @Test
  void aCrawlThatSigintCanStopSaysNothingOfIt() throws Exception {
    JarProcess.Result run = JarProcess.java(Duration.ofSeconds(60), work,
        "crawl", "--data", work.resolve("data").toString(), "--delay", "0", seed());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).as("%s", run).doesNotContain("SIGINT");
  }

  @Test
  void aLinkCheckStartedWithSigintIgnoredSaysThatOnlySigtermStopsIt() throws Exception {
    JarProcess.Result run = JarProcess.javaThrough(AS_A_BACKGROUND_JOB, Duration.ofSeconds(60), work,
        "links", "--delay", "0", seed());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).as("%s", run).contains("WARN  " + warning("the link check"));
  }

  @Test
  void theDemoStartedWithSigintIgnoredSaysThatOnlySigtermStopsIt() throws Exception {
    JarProcess.Result run = JarProcess.javaThrough(AS_A_BACKGROUND_JOB, Duration.ofSeconds(90), work, "demo");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).as("%s", run).contains("WARN  " + warning("the demo"));
  }
}
