package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkCheckListener;
import dev.sitepulse.crawler.links.LinkReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A link check without --data whose temporary folder cannot be removed at the end (a test runs as
 * root, which no permission stops, so the removal is made to fail): the report it finished stands,
 * and one line says where the folder was left.
 */
class TemporaryFolderLeftTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  private static final Pattern LEFT = Pattern.compile(
      "sitepulse: the link check's temporary folder (\\S+) could not be removed \\((.+)\\); remove it by hand\n");

  private LinkReport report;
  private String err;

  /** Checks a page with one broken link, the folder's removal failing with {@code failure}. */
  private void checkFailingToRemove(Exception failure) throws Exception {
    site.stubFor(get("/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=\"/gone\">gone</a></body></html>")));
    CrawlSpec spec = new CrawlSpec(List.of(StubServer.url(site, "/page.html")), null, null, 1, null, null, null,
        null, null, null, Duration.ZERO, Duration.ofSeconds(5), null, null, null, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      report = LinksCommand.checkInTemporaryFolder(spec, false, false, null, new CrawlStop(), LinkCheckListener.NONE,
          dir -> {
            if (failure instanceof IOException e) {
              throw e;
            }
            throw (RuntimeException) failure;
          });
    } finally {
      System.setErr(oldErr);
      err = bytes.toString(StandardCharsets.UTF_8);
      Matcher left = LEFT.matcher(err);
      if (left.matches()) {
        TemporaryCrawlFolder.deleteTree(Path.of(left.group(1)));
      }
    }
  }

  @Test
  void aFolderThatCannotBeRemovedLeavesTheFinishedReportAndIsNamedInOneLine() throws Exception {
    checkFailingToRemove(new AccessDeniedException("/tmp/x/crawl.db"));

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(StubServer.url(site, "/gone"));
    Matcher left = LEFT.matcher(err);
    assertThat(left.matches()).as(err).isTrue();
    assertThat(left.group(1)).contains("sitepulse-links-");
    assertThat(left.group(2)).isEqualTo("permission denied");
  }

  @Test
  void aFileThatWentWhileTheFolderWasWalkedLeavesTheReportToo() throws Exception {
    // Files.walk's failures come unchecked, past a catch of IOException.
    checkFailingToRemove(new UncheckedIOException(new DirectoryNotEmptyException("/tmp/x/warc")));

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(StubServer.url(site, "/gone"));
    assertThat(LEFT.matcher(err).matches()).as(err).isTrue();
  }
}
