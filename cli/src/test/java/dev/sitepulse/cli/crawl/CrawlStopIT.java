package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.testing.HeldRequests;
import dev.sitepulse.cli.testing.HeldRequests.Hold;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse crawl` in a JVM of its own, stopped by a signal while a fetch is in flight. */
class CrawlStopIT {

  /** The page whose answer the server holds until the test lets it go. */
  private static final Hold HELD = new Hold();

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new HeldRequests(Map.of("/held", HELD))))
      .build();

  @TempDir Path work;

  @Test
  void aCrawlThatFailsAfterCtrlCAskedItToStopExits130AsEveryStoppedCommandDoes() throws Exception {
    site.stubFor(get("/held").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>held</title></head><body>a page held until the crawl was stopped</body></html>")));
    Path data = work.resolve("data");
    Process crawl = JarProcess.start(work, "crawl", "--data", data.toString(), "--delay", "0",
        "--timeout", "10m", "http://127.0.0.1:" + site.getPort() + "/held");
    try {
      assertThat(HELD.asked().await(60, TimeUnit.SECONDS)).as("the page asked for").isTrue();
      // From now crawl.db refuses to put a URL back in the queue, as a full disk would: the one
      // write left is the stop's, once its grace is over and it cuts the fetch the server holds.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
          Statement s = c.createStatement()) {
        s.execute("CREATE TRIGGER full BEFORE UPDATE OF state ON urls WHEN NEW.state = 'queued'"
            + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
      }

      crawl.destroy(); // SIGTERM: the crawl gives the fetch in flight its grace, then cuts it
      assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      HELD.release().countDown();
    }

    String err = Files.readString(work.resolve("started.err"), StandardCharsets.UTF_8);
    assertThat(err).as("the stop, then the failure").contains("stopping: the fetches in flight have")
        .contains("\nsitepulse: crawl failed: crawl.db write failed: ").contains("(database or disk is full)");
    assertThat(crawl.exitValue()).as(err).isEqualTo(130);
  }
}
