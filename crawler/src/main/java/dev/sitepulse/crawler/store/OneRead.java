package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads of crawl.db that must see one moment while a crawl may be writing: in one read
 * transaction (WAL gives it a snapshot), the caller's if it has one open.
 */
public final class OneRead {

  /** What is read, on the connection given. */
  @FunctionalInterface
  public interface Read<T> {
    T from(Connection c) throws SQLException;
  }

  private OneRead() {}

  public static <T> T of(Connection c, Read<T> read) throws SQLException {
    if (!c.getAutoCommit()) {
      return read.from(c); // the caller's transaction holds the snapshot
    }
    c.setAutoCommit(false);
    try {
      return read.from(c);
    } finally {
      c.rollback(); // nothing was written: this ends the read
      c.setAutoCommit(true);
    }
  }
}
