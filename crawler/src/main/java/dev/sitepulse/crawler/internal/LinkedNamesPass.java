package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.index.LinkedNames;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every indexed page the names other pages link to it by, read from crawl.db once it holds
 * them all (the crawl's last commit), for search to weigh ({@link LinkedNames}).
 */
final class LinkedNamesPass {
  private static final Logger LOG = LoggerFactory.getLogger(LinkedNamesPass.class);

  private LinkedNamesPass() {}

  static void set(CrawlDb db, PageIndex index) {
    long started = System.nanoTime();
    try {
      LinkedNames names = new LinkedNames();
      List<String> indexed = db.inLinks(names::add);
      Map<String, BytesRef> encoded = names.encoded();
      index.setLinkedNames(indexed, encoded);
      LOG.debug("linked names of {} of {} pages set in {} ms", encoded.size(), indexed.size(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) { // what the crawl collected is whole: search ranks without link text
      LOG.warn("cannot read the crawl's links from crawl.db for search's link text: {}", e.getMessage());
    }
  }
}
