package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.sitepulse.cli.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse links` in a JVM of its own, stopped by a signal once its crawl is over. */
class LinksStopIT {

  /** Counted down when the first target checked online is asked for, which the server then holds. */
  private static final CountDownLatch CHECKING_ONLINE = new CountDownLatch(1);
  /** Lets the held target's answer go, once the test is over. */
  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new ServeEventListener() {
        @Override
        public String getName() {
          return "first-check-online-held";
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
          if (event.getRequest().getUrl().equals("/deep/0")) {
            CHECKING_ONLINE.countDown();
            try {
              RELEASE.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      }))
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
      CHECKING_ONLINE.await(60, TimeUnit.SECONDS);
      assertThat(links.isAlive()).as("still checking online").isTrue();

      links.destroy(); // SIGTERM

      assertThat(links.waitFor(20, TimeUnit.SECONDS)).as("without waiting for the held target").isTrue();
    } finally {
      RELEASE.countDown();
    }
    String out = Files.readString(work.resolve("started.out"), StandardCharsets.UTF_8);
    String err = Files.readString(work.resolve("started.err"), StandardCharsets.UTF_8);
    assertThat(links.exitValue()).as("as Ctrl-C, and as --help says\n%s%s", out, err).isEqualTo(130);
    String deep = "http://127.0.0.1:" + site.getPort() + "/deep/";
    assertThat(out).startsWith("NOT CHECKED  50 targets: the check was stopped before it judged them\n        "
        + deep + "0\n").endsWith("; check stopped: 50 targets not checked, so this report is partial\n");
    assertThat(err).contains("sitepulse: stopping the link check to report what it found so far; Ctrl-C again"
        + " quits at once\n").endsWith("sitepulse: stopped by SIGTERM before the link check finished: 50 targets"
        + " not checked; the report holds what was found by then\n");
    assertThat(site.findAll(anyRequestedFor(urlPathMatching("/deep/[1-9][0-9]*")))).as("asked after the stop")
        .isEmpty();
    try (var left = Files.list(tmp)) {
      assertThat(left).as("the crawl's temporary folder").isEmpty();
    }
  }
}
