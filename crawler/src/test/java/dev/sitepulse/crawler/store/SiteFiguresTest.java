package dev.sitepulse.crawler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SiteFigures over crawl.db's own schema, as the crawler makes it. */
class SiteFiguresTest {

  @TempDir Path dir;

  /** Two pages, a 404, a host that never answered, a PDF and a seed still queued. */
  private Path crawlDb(String... more) throws Exception {
    Path file = dir.resolve("crawl.db");
    CrawlDb.open(file).close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      s.execute("""
          INSERT INTO urls(id, url, depth, title, state, status, error_kind, simhash, bytes, fetch_ms, fetched_at,
              indexed, duplicate_of) VALUES
            (1, 'http://s/a', 0, 'A', 'done', 200, NULL, 1, 300, 40, 1000, 1, NULL),
            (2, 'http://s/b', 1, NULL, 'done', 200, NULL, 2, 100, 90, 3000, 0, 'http://s/a'),
            (3, 'http://s/gone', 1, NULL, 'done', 404, NULL, NULL, 20, 500, 2000, 0, NULL),
            (4, 'http://down/', 0, NULL, 'failed', 0, 'connect', NULL, NULL, 0, 2500, 0, NULL),
            (5, 'http://s/doc.pdf', 1, NULL, 'done', 200, NULL, NULL, 9000, 900, 2600, 0, NULL),
            (6, 'http://later/', 0, NULL, 'queued', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL)""");
      s.execute("""
          INSERT INTO links(from_id, to_url, anchor) VALUES
            (1, 'http://s/b', 'b'), (1, 'http://s/gone', NULL), (2, 'http://s/b', 'again'),
            (2, 'http://s/doc.pdf', '%s')""".formatted(PageRecord.REDIRECT_ANCHOR));
      for (String sql : more) {
        s.execute(sql);
      }
    }
    return file;
  }

  @Test
  void theCountsAreOfEveryUrlAndTheListsOfPagesAlone() throws Exception {
    SiteFigures f = SiteFigures.read(crawlDb(), 10);

    assertThat(f.byState()).isEqualTo(Map.of("done", 4L, "failed", 1L, "queued", 1L));
    assertThat(f.statuses()).containsExactly(Map.entry(200, 3L), Map.entry(404, 1L));
    assertThat(f.errors()).containsExactly(Map.entry("connect", 1L));
    assertThat(f.indexed()).isEqualTo(1);
    assertThat(f.duplicates()).isEqualTo(1);
    assertThat(f.bytes()).isEqualTo(9420);
    assertThat(f.slowest()).as("not the 404 nor the PDF").containsExactly(
        new SiteFigures.PageFigure("http://s/b", 90), new SiteFigures.PageFigure("http://s/a", 40));
    assertThat(f.largest()).extracting(SiteFigures.PageFigure::url).containsExactly("http://s/a", "http://s/b");
    assertThat(f.seeds()).containsExactly("http://s/a", "http://down/", "http://later/");
    assertThat(f.seedsNotReached()).containsExactly("http://later/");
    assertThat(f.linkTargets()).as("the redirect's hop is no link").isEqualTo(2);
    assertThat(f.lastFetched()).isEqualTo(Instant.ofEpochMilli(3000));
  }

  @Test
  void aFetchThatGotNoAnswerHasNoTimeToCount() throws Exception {
    assertThat(SiteFigures.read(crawlDb(), 10).fetchMillis()).containsExactlyInAnyOrder(40, 90, 500, 900);
  }

  @Test
  void eachListHoldsAsManyPagesAsShown() throws Exception {
    SiteFigures f = SiteFigures.read(crawlDb("UPDATE urls SET pagerank = id / 10.0 WHERE id <= 3"), 1);

    assertThat(f.slowest()).hasSize(1);
    assertThat(f.largest()).hasSize(1);
    assertThat(f.topRanked()).as("not the 404, whatever its rank")
        .containsExactly(new SiteFigures.RankedPage("", "http://s/b", 0.2));
  }

  @Test
  void noAnalysisIsNullAndRanksWithoutARecordAreAnAnalyzeOfBeforeRunsWereRecorded() throws Exception {
    assertThat(SiteFigures.read(crawlDb(), 10).analysis()).isNull();
    Files.delete(dir.resolve("crawl.db"));

    SiteFigures f = SiteFigures.read(crawlDb("UPDATE urls SET pagerank = 0.5 WHERE id <= 2"), 10);

    assertThat(f.analysis()).isEqualTo(new SiteFigures.Analysis(null, 2, 0, false));
  }

  @Test
  void anAnalysisRecordOfAnEarlierBuildCannotBeComparedAndReadsAsChangedSince() throws Exception {
    SiteFigures f = SiteFigures.read(crawlDb("DROP TABLE analysis",
        "CREATE TABLE analysis(analyzed_at INTEGER, pages INTEGER)", "INSERT INTO analysis VALUES (5000, 2)",
        "INSERT INTO duplicate_clusters(cluster, url) VALUES (1, 'http://s/a'), (1, 'http://s/b')"), 10);

    assertThat(f.analysis()).isEqualTo(new SiteFigures.Analysis(Instant.ofEpochMilli(5000), 2, 1, true));
  }

  @Test
  void aFileWithoutTablesIsNoCrawlAndOneOfAnotherKindCannotBeRead() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.db"));
    Path text = Files.writeString(dir.resolve("text.db"), "not a database, not at all, but long enough");

    assertThat(SiteFigures.read(empty, 10)).isNull();
    assertThatThrownBy(() -> SiteFigures.read(text, 10)).isInstanceOf(SQLException.class);
  }
}
