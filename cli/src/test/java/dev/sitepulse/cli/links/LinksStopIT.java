package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.sitepulse.cli.JarProcess;
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

  /** Counted down by the first request for a target beyond --max-depth: the checks online began. */
  private static final CountDownLatch CHECKING_ONLINE = new CountDownLatch(1);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new ServeEventListener() {
        @Override
        public String getName() {
          return "checks-online-began";
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
          if (event.getRequest().getUrl().startsWith("/deep/")) {
            CHECKING_ONLINE.countDown();
          }
        }
      }))
      .build();

  @TempDir Path work;

  @Test
  void sigtermDuringTheChecksOnlineExits130AtOnceAndLeavesNoTemporaryFolder() throws Exception {
    // 50 targets beyond --max-depth 0, one a second: the checks online outlast the test.
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(IntStream.range(0, 50).mapToObj(i -> "<a href=\"/deep/" + i + "\">d</a>")
            .collect(Collectors.joining("\n", "<html><body>\n", "\n</body></html>")))));
    site.stubFor(any(urlPathMatching("/deep/.*")).willReturn(aResponse().withStatus(200)));
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    Process links = JarProcess.start(work, List.of("-Djava.io.tmpdir=" + tmp),
        "links", "--max-depth", "0", "--delay", "1s", "http://127.0.0.1:" + site.getPort() + "/");
    CHECKING_ONLINE.await(60, TimeUnit.SECONDS);
    assertThat(links.isAlive()).as("still checking online").isTrue();

    links.destroy(); // SIGTERM

    assertThat(links.waitFor(10, TimeUnit.SECONDS)).as("quit at once").isTrue();
    assertThat(links.exitValue()).as("as Ctrl-C, and as --help says").isEqualTo(130);
    try (var left = Files.list(tmp)) {
      assertThat(left).as("the crawl's temporary folder").isEmpty();
    }
  }
}
