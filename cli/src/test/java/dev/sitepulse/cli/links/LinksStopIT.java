package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.testing.HeldRequests;
import dev.sitepulse.cli.testing.HeldRequests.Hold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse links` in a JVM of its own, stopped by a signal once its crawl is over. */
class LinksStopIT {

  /** The first target checked online, which the server holds. */
  private static final Hold CHECKING_ONLINE = new Hold();
  /** The seed of the crawl stopped twice, which the server holds. */
  private static final Hold CRAWLING = new Hold();
  /** As CRAWLING, for the check started with SIGINT ignored. */
  private static final Hold CRAWLING_IN_BACKGROUND = new Hold();
  /** What a non-interactive shell does to a job started with {@code &}: SIGINT ignored, then exec. */
  private static final List<String> AS_A_BACKGROUND_JOB = List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh");

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new HeldRequests(Map.of("/deep/0", CHECKING_ONLINE,
          "/held-seed", CRAWLING, "/held-background-seed", CRAWLING_IN_BACKGROUND))))
      .build();

  @TempDir Path work;

  @Test
  void sigtermDuringTheChecksOnlineReportsThemAsNotCheckedExits130AndLeavesNoTemporaryFolder() throws Exception {
    // 50 targets beyond --max-depth 0, one at a time, the first held: the others wait behind it.
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(IntStream.range(0, 50).mapToObj(i -> "<a href=\"/deep/" + i + "\">d</a>")
            .collect(Collectors.joining("\n", "<html><body>\n", "\n</body></html>")))));
    site.stubFor(any(urlPathMatching("/deep/.*")).willReturn(aResponse().withStatus(200)));
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    Process links = JarProcess.start(work, List.of("-Djava.io.tmpdir=" + tmp), "links", "--max-depth", "0",
        "--per-host", "1", "--delay", "0", "--timeout", "10m", "http://127.0.0.1:" + site.getPort() + "/");
    try {
      CHECKING_ONLINE.asked().await(60, TimeUnit.SECONDS);
      assertThat(links.isAlive()).as("still checking online").isTrue();

      links.destroy(); // SIGTERM

      assertThat(links.waitFor(20, TimeUnit.SECONDS)).as("without waiting for the held target").isTrue();
    } finally {
      CHECKING_ONLINE.release().countDown();
    }
    String out = Files.readString(work.resolve("started.out"), StandardCharsets.UTF_8);
    String err = Files.readString(work.resolve("started.err"), StandardCharsets.UTF_8);
    assertThat(links.exitValue()).as("as Ctrl-C, and as --help says\n%s%s", out, err).isEqualTo(130);
    String deep = "http://127.0.0.1:" + site.getPort() + "/deep/";
    assertThat(out).startsWith("NOT CHECKED  50 targets: the check was stopped before it judged them\n        "
        + deep + "0\n").endsWith("; check stopped: 50 targets not checked, so this report is partial\n");
    assertThat(err).contains("sitepulse: stopping the link check to report what it found so far; a second"
        + " SIGTERM, or Ctrl-C, quits at once\n").endsWith("sitepulse: stopped by SIGTERM before the link check finished: 50 targets"
        + " not checked; the report holds what was found by then\n");
    assertThat(site.findAll(anyRequestedFor(urlPathMatching("/deep/[1-9][0-9]*")))).as("asked after the stop")
        .isEmpty();
    try (var left = Files.list(tmp)) {
      assertThat(left).as("the crawl's temporary folder").isEmpty();
    }
  }

  @Test
  void aSecondSignalQuitsAtOnceAndStillDeletesTheTemporaryFolder() throws Exception {
    // The seed held: the first signal's stop waits for it, as a crawl's stop waits for its fetches.
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    Process links = JarProcess.start(work, List.of("-Djava.io.tmpdir=" + tmp), "links", "--timeout", "10m",
        "http://127.0.0.1:" + site.getPort() + "/held-seed");
    Path err = work.resolve("started.err");
    try {
      CRAWLING.asked().await(60, TimeUnit.SECONDS);
      assertThat(temporaryFolders(tmp)).as("the crawl's, while it runs").hasSize(1);
      links.destroy(); // SIGTERM: stopping, once the held seed's fetch ends
      JarProcess.awaitWhileAlive(links, Duration.ofSeconds(20),
          () -> Files.readString(err, StandardCharsets.UTF_8).contains("a second SIGTERM, or Ctrl-C, quits at once"));
      assertThat(links.isAlive()).as("waiting for the held seed").isTrue();

      // One within 250 ms of the first is taken for that one delivered twice (StopRequests): sent
      // again until one quits, as a user presses Ctrl-C again.
      for (int sent = 0; sent < 30 && links.isAlive(); sent++) {
        links.destroy();
        links.waitFor(1, TimeUnit.SECONDS);
      }
    } finally {
      CRAWLING.release().countDown();
    }
    assertThat(links.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(links.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo(130);
    assertThat(Files.readString(work.resolve("started.out"), StandardCharsets.UTF_8)).as("nothing more").isEmpty();
    assertThat(temporaryFolders(tmp)).as("the crawl's temporary folder").isEmpty();
  }

  @Test
  void aSigtermToACheckStartedWithSigintIgnoredDoesNotOfferCtrlCToQuit() throws Exception {
    Process links = JarProcess.startThrough(AS_A_BACKGROUND_JOB, work, "links", "--timeout", "10m",
        "http://127.0.0.1:" + site.getPort() + "/held-background-seed");
    Path err = work.resolve("started.err");
    try {
      CRAWLING_IN_BACKGROUND.asked().await(60, TimeUnit.SECONDS);
      links.destroy(); // SIGTERM: stopping, once the held seed's fetch ends
      JarProcess.awaitWhileAlive(links, Duration.ofSeconds(20),
          () -> Files.readString(err, StandardCharsets.UTF_8).contains("quits at once"));
    } finally {
      CRAWLING_IN_BACKGROUND.release().countDown();
    }
    assertThat(links.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(err, StandardCharsets.UTF_8))
        .contains("sitepulse: stopping the link check to report what it found so far; a second SIGTERM quits at once\n")
        .doesNotContain("Ctrl-C again");
  }

  /** The link checks' temporary folders in {@code tmp}: what else a JVM leaves there is no concern here. */
  private static List<Path> temporaryFolders(Path tmp) throws IOException {
    try (var in = Files.list(tmp)) {
      return in.filter(p -> p.getFileName().toString().startsWith("sitepulse-links-")).toList();
    }
  }
}
