package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.index.IndexLag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pages crawl.db records as indexed past the index's last commit, as a kill between commits leaves them. */
class IndexLagTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();

  @TempDir Path data;

  private void crawlTwoPages() throws Exception {
    site.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>A</title><a href=/b.html>b</a></html>")));
    site.stubFor(get("/b.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>B</title></html>")));
    CrawlConfig c = CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/a.html"), data)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).build();
    assertThat(Crawler.run(c, CrawlListener.NONE).indexed()).isEqualTo(2);
  }

  @Test
  void aCrawlThatRanToItsEndLeavesNoPageUncommitted() throws Exception {
    crawlTwoPages();

    assertThat(IndexLag.notCommitted(data)).isZero();
  }

  @Test
  void pagesRecordedAfterTheLastCommitAreCounted() throws Exception {
    crawlTwoPages();
    CrawlDbRows.execute(data.resolve("crawl.db"), "UPDATE urls SET seq = seq + 1000 WHERE url LIKE '%/b.html'");

    assertThat(IndexLag.notCommitted(data)).isEqualTo(1);
  }

  @Test
  void beforeTheFirstCommitEveryPageRecordedAsIndexedIsCounted() throws Exception {
    crawlTwoPages();
    try (var files = Files.list(data.resolve("index"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(f);
      }
    }

    assertThat(IndexLag.notCommitted(data)).isEqualTo(2);
  }

  @Test
  void aFolderWithoutAnIndexHasNone() throws Exception {
    assertThat(IndexLag.notCommitted(data)).isZero();
  }
}
