package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar is drawn when stderr, where it goes, is a terminal, whatever stdout is: a log
 * file gets no redraws, and stdout sent to a file still leaves the bar on the screen. The crawl
 * runs under script(1), which gives it a terminal as a person's shell would.
 */
class ProgressBarIT {

  /** Runs the rest of the line under a pseudo-terminal, with $0 the shell redirections to add. */
  private static List<String> underATerminal(String redirections) {
    return List.of("bash", "-c",
        "exec script -qefc \"$(printf '%q ' \"$@\") " + redirections + "\" /dev/null", "sh");
  }

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path work;

  @BeforeEach
  void aSiteThatTakesLongerThanAProgressTick() {
    // util-linux's script(1) and /proc: Linux, as CI (.ci/run names bsdutils); BSD script has no -c.
    assumeTrue(Files.exists(Path.of("/proc/self/fd")) && Files.isExecutable(Path.of("/usr/bin/script")),
        "needs Linux with util-linux script(1)");
    site.stubFor(get("/").willReturn(html("<title>home</title><a href='/slow'>slow</a>")));
    site.stubFor(get("/slow").willReturn(html("<title>slow</title>").withFixedDelay(2_000)));
  }

  @Test
  void stderrRedirectedToAFileGetsNoBarEvenAtATerminal() throws Exception {
    Path log = work.resolve("crawl.log");

    JarProcess.Result run = crawl("2>" + log);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(Files.readString(log)).doesNotContain("\r").doesNotContain("[#");
    assertThat(run.out()).contains("crawled 2 pages");
  }

  @Test
  void stdoutRedirectedToAFileLeavesTheBarOnTheTerminal() throws Exception {
    Path out = work.resolve("summary.txt");

    JarProcess.Result run = crawl(">" + out);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("what the terminal showed").contains("\r[").contains("pages/s");
    assertThat(Files.readString(out)).contains("crawled 2 pages").doesNotContain("\r");
  }

  private JarProcess.Result crawl(String redirections) throws Exception {
    return JarProcess.javaThrough(underATerminal(redirections), Duration.ofSeconds(60), work,
        "crawl", "--data", work.resolve("data").toString(), "--delay", "0",
        "http://127.0.0.1:" + site.getPort() + "/");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html").withBody(body);
  }
}
