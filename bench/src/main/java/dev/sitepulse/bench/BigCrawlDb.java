package dev.sitepulse.bench;

import dev.sitepulse.crawler.store.CrawlDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.SplittableRandom;

/**
 * A crawl.db as big as a large documentation site's, for timing {@code sitepulse analyze}: PAGES
 * fetched pages with LINKS links each, half to any page and half skewed towards the first pages
 * (navigation, index pages), so parallel links and hubs occur as in a real crawl. The schema is
 * the crawler's own ({@link CrawlDb#open}); the numbers are fixed by a seed.
 * Usage: {@code BigCrawlDb DATA_DIR [PAGES [LINKS]]}, default 50,000 pages of 100 links.
 */
public final class BigCrawlDb {

  private BigCrawlDb() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0], "crawl.db");
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int links = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    CrawlDb.open(file).close();
    SplittableRandom random = new SplittableRandom(20261203);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.setAutoCommit(false);
      try (PreparedStatement page = db.prepareStatement("""
          INSERT INTO urls(id, url, depth, state, status, content_type, simhash, title, indexed, seq)
          VALUES(?, ?, 3, 'done', 200, 'text/html', ?, ?, 1, ?)""")) {
        for (int i = 0; i < pages; i++) {
          page.setInt(1, i + 1);
          page.setString(2, url(i));
          page.setLong(3, random.nextLong());
          page.setString(4, "Page " + i);
          page.setInt(5, i);
          page.addBatch();
        }
        page.executeBatch();
      }
      try (PreparedStatement link = db.prepareStatement(
          "INSERT INTO links(from_id, to_url, anchor, line) VALUES(?, ?, ?, ?)")) {
        for (int i = 0; i < pages; i++) {
          for (int k = 0; k < links; k++) {
            double u = random.nextDouble();
            int to = (int) (pages * (k % 2 == 0 ? u : u * u * u));
            link.setInt(1, i + 1);
            link.setString(2, url(to));
            link.setString(3, "anchor " + to);
            link.setInt(4, k + 1);
            link.addBatch();
          }
          if (i % 1000 == 999) {
            link.executeBatch();
          }
        }
        link.executeBatch();
      }
      db.commit();
    }
    System.out.printf("crawl.db: %d pages, %d links%n", pages, (long) pages * links);
  }

  private static String url(int page) {
    return "https://docs.example.org/section-" + (page % 97) + "/page-" + page + ".html";
  }
}
