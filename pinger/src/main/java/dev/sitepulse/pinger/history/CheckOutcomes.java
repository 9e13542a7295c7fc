package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads what checks found, for a report's reasons: each target's latest check, and the failed
 * checks of stretches such as incidents. Each is a walk of one target's index, {@code (target_id, at)}.
 * A check its host's open circuit held back (CIRCUIT_OPEN) counts among an incident's failed checks,
 * as it does in availability, but was never sent, nor was one sitepulse could not start
 * (NOT_STARTED): a target's latest word is its latest check sent ({@link ErrorKind#sent}). One
 * not started is no failed check either: it stands for nothing the target did ({@link ErrorKind#counts}).
 */
final class CheckOutcomes {

  private static final String COLUMNS = "at, verdict, error_kind, status, message";
  private static final int FAILED = SqliteSchema.verdictCode(Verdict.DOWN); // DOWN, TIMEOUT and ERROR from here
  private static final String SENT = " AND error_kind NOT IN (" + codes(k -> !k.sent()) + ")";
  private static final String COUNTED = " AND error_kind NOT IN (" + codes(k -> !k.counts()) + ")";

  private CheckOutcomes() {}

  private static String codes(Predicate<ErrorKind> which) {
    return Arrays.stream(ErrorKind.values()).filter(which).map(k -> String.valueOf(SqliteSchema.kindCode(k)))
        .collect(Collectors.joining(", "));
  }

  static Map<String, CheckOutcome> latest(Connection c, Instant before) throws SQLException {
    Map<String, CheckOutcome> out = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks INDEXED BY checks_by_target_time"
        + " WHERE target_id = ? AND at < ?" + SENT + " ORDER BY at DESC LIMIT 1")) {
      for (Map.Entry<Long, String> t : SqliteReader.names(c).entrySet()) {
        s.setLong(1, t.getKey());
        s.setLong(2, before.toEpochMilli());
        try (ResultSet rs = s.executeQuery()) {
          CheckOutcome o = rs.next() ? outcome(rs) : null;
          if (o != null) {
            out.put(t.getValue(), o);
          }
        }
      }
    }
    return out;
  }

  static List<FailedChecks> failed(Connection c, List<HistoryQuery> stretches) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    SqliteReader.names(c).forEach((id, name) -> ids.put(name, id));
    List<FailedChecks> out = new ArrayList<>();
    String where = " FROM checks INDEXED BY checks_by_target_time WHERE target_id = ? AND at >= ? AND at < ?"
        + " AND verdict >= " + FAILED + COUNTED;
    try (PreparedStatement first = c.prepareStatement("SELECT " + COLUMNS + where + " ORDER BY at LIMIT 1");
        PreparedStatement kinds =
            c.prepareStatement("SELECT verdict, error_kind, count(*)" + where + " GROUP BY 1, 2")) {
      for (HistoryQuery q : stretches) {
        Long id = ids.get(q.target());
        out.add(id == null ? FailedChecks.NONE : failed(first, kinds, id, q));
      }
    }
    return out;
  }

  private static FailedChecks failed(PreparedStatement first, PreparedStatement kinds, long id, HistoryQuery q)
      throws SQLException {
    CheckOutcome firstFailed = null;
    bind(first, id, q);
    try (ResultSet rs = first.executeQuery()) {
      if (rs.next()) {
        firstFailed = outcome(rs);
      }
    }
    if (firstFailed == null) {
      return FailedChecks.NONE;
    }
    Map<String, Long> byKind = new HashMap<>();
    bind(kinds, id, q);
    try (ResultSet rs = kinds.executeQuery()) {
      while (rs.next()) {
        Verdict v = verdict(rs.getInt(1));
        if (v != null) {
          String kind = new CheckOutcome(null, v, errorKind(v, rs.getInt(2)), 0, null).kind();
          byKind.merge(kind, rs.getLong(3), Long::sum);
        }
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    long count = sorted.values().stream().mapToLong(Long::longValue).sum();
    return new FailedChecks(count, sorted, firstFailed);
  }

  private static void bind(PreparedStatement s, long id, HistoryQuery q) throws SQLException {
    s.setLong(1, id);
    s.setLong(2, q.since().toEpochMilli());
    s.setLong(3, q.until().toEpochMilli());
  }

  /** The row's outcome; null for a verdict code this version does not know (a newer one's, or edited). */
  private static CheckOutcome outcome(ResultSet rs) throws SQLException {
    Verdict v = verdict(rs.getInt(2));
    return v == null ? null
        : new CheckOutcome(Instant.ofEpochMilli(rs.getLong(1)), v, errorKind(v, rs.getInt(3)), rs.getInt(4),
            rs.getString(5));
  }

  private static Verdict verdict(int code) {
    Verdict[] all = Verdict.values();
    return code >= 0 && code < all.length ? all[code] : null;
  }

  private static ErrorKind errorKind(Verdict v, int code) {
    ErrorKind[] all = ErrorKind.values();
    return v == Verdict.ERROR && code > 0 && code <= all.length ? all[code - 1] : null;
  }
}
