package dev.sitepulse.cli.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** How {@code sitepulse report} writes: a table for people, JSON for scripts, HTML to share. */
public enum ReportFormat {
  TABLE,
  JSON,
  HTML;

  /**
   * @param r the watch history's report, or null when the folder has no history
   * @param site the crawl's report, or null when the folder has no crawl.db
   */
  void write(Report r, SiteReport site, Instant generated, OutputStream out) throws IOException {
    switch (this) {
      case TABLE -> {
        // Drawn in memory first: a PrintStream keeps a failed write to itself (a full disk).
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(table, false, StandardCharsets.UTF_8);
        if (r != null) {
          TableReport.write(r, p);
        }
        if (site != null) {
          if (r != null) {
            p.println();
          }
          SiteTable.write(site, p);
        }
        p.flush();
        table.writeTo(out);
        out.flush();
      }
      case JSON -> JsonReport.write(r, site, out);
      case HTML -> {
        out.write(HtmlReport.render(r, site, generated, 0).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }
}
