package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.Main;
import dev.sitepulse.cli.testing.HeldStream;
import dev.sitepulse.cli.testing.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stderr whose reader does not keep up (a pipe into a pager that is not reading) holds neither
 * the crawl's event loop nor its fetches; once it reads again, it gets every line, in order, before
 * the summary.
 */
class SlowStderrTest {

  private static final int PAGES = 5;

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @Test
  void aStderrThatIsNotReadHoldsNoFetchAndLosesNoLine() throws Exception {
    // Its lines not understood make the loop log a warning before it fetches the first page.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nCrawl-delay: soon\n")));
    StringBuilder home = new StringBuilder("<title>Home</title>");
    for (int i = 0; i < PAGES; i++) {
      home.append("<a href='/p").append(i).append(".html'>p</a>");
      site.stubFor(get("/p" + i + ".html").willReturn(html("<title>P</title>page " + i)));
    }
    site.stubFor(get("/").willReturn(html(home.toString())));
    HeldStream held = new HeldStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    CompletableFuture<Integer> crawl = null;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
      crawl = CompletableFuture.supplyAsync(() -> Main.run("crawl", "--data", data.toString(), "--delay", "0",
          StubServer.url(site, "/")));
      assertThat(held.firstWrite.await(30, TimeUnit.SECONDS)).as("the crawl wrote to stderr").isTrue();

      // Every page is fetched while stderr takes nothing.
      for (int i = 0; i < PAGES; i++) {
        String path = "/p" + i + ".html";
        awaitRequest(path);
      }
    } finally {
      held.release();
      try {
        assertThat(crawl == null ? null : crawl.get(30, TimeUnit.SECONDS)).as(held.written()).isZero();
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("crawled " + (PAGES + 1) + " pages");
    assertThat(held.written()).contains("robots.txt of " + StubServer.url(site, "")
        + ": 1 line not understood and ignored; the rest is obeyed");
  }

  private static void awaitRequest(String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (site.findAll(getRequestedFor(urlEqualTo(path))).isEmpty()) {
      assertThat(System.nanoTime()).as("%s fetched while stderr is not read", path).isLessThan(deadline);
      Thread.sleep(20); // polls the stub's journal; no timing depends on it
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }
}
