package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.store.CrawlDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The pages crawl.db records as indexed that the index's last commit does not hold. A crawl
 * commits its index every few seconds, storing the last page's sequence number in the commit; one
 * killed before a commit leaves pages recorded after it, and before its first an index folder of
 * segment files with no commit point, nothing searchable. Running the crawl again mends both: the
 * resume queues those pages again and fetches them.
 */
public final class IndexLag {

  /** The commit's user data key holding the last sequence number the commit holds. */
  public static final String SEQ = "sitepulse.seq";

  private IndexLag() {}

  /**
   * How many pages crawl.db in {@code dataDir} records as indexed beyond the index's last commit
   * (all of them when it has none); 0 when the folder has no crawl.db or no index (a link check's).
   */
  public static long notCommitted(Path dataDir) throws IOException, SQLException {
    Path index = dataDir.resolve("index");
    Path crawlDb = dataDir.resolve(CrawlDb.FILE_NAME);
    if (!Files.isDirectory(index) || !Files.isRegularFile(crawlDb)) {
      return 0;
    }
    long committed = committedSeq(index);
    try (Connection c = CrawlDb.readOnly(crawlDb);
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM urls WHERE indexed = 1 AND seq > ?")) {
      s.setLong(1, committed);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The last sequence number the index's last commit holds; 0 when it has no commit. */
  private static long committedSeq(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      String seq = SegmentInfos.readLatestCommit(dir).getUserData().get(SEQ);
      return seq == null ? 0 : Long.parseLong(seq);
    } catch (IndexNotFoundException e) {
      return 0;
    }
  }
}
