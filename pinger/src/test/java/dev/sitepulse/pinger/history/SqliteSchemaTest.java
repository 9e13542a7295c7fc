package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codes a history stores for verdicts and error kinds are the enums' order when the schema was
 * made: reordering either enum, or adding in the middle, would make every history read as
 * something else. The lists are written out here so that such a change fails.
 */
class SqliteSchemaTest {

  @TempDir Path dir;

  @Test
  void verdictAndErrorKindCodesAreTheOnesEveryHistoryWasWrittenWith() throws SQLException {
    SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC()).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteHistory.FILE_NAME))) {
      assertThat(rows(c, "verdicts")).containsExactly("0 UP", "1 DEGRADED", "2 DOWN", "3 TIMEOUT", "4 ERROR");
      assertThat(rows(c, "error_kinds")).as("0 is none").containsExactly("1 INVALID_URL", "2 DNS",
          "3 CONNECT_REFUSED", "4 CONNECT_TIMEOUT", "5 TLS", "6 RESET", "7 PROTOCOL", "8 TOO_MANY_REDIRECTS",
          "9 CIRCUIT_OPEN", "10 NOT_STARTED");
      assertThat(SqliteSchema.version(c)).as("a code added is a schema of its own: an older sitepulse refuses"
          + " the history as a whole rather than skip the rows it holds as damaged").isEqualTo(2);
    }
  }

  @Test
  void everyCodeFitsTheBitsAReportUnpacksItFrom() {
    // Error kinds are written 1-based (0 is none), verdicts from 0.
    assertThat(ErrorKind.values().length).isLessThan(1 << SqliteAggregation.KIND_BITS);
    assertThat(Verdict.values().length).isLessThanOrEqualTo(1 << SqliteAggregation.VERDICT_BITS);
  }

  private static List<String> rows(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT code, name FROM " + table + " ORDER BY code")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + " " + rs.getString(2));
      }
    }
    return out;
  }
}
