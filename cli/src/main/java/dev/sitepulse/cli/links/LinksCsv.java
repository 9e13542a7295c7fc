package dev.sitepulse.cli.links;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import dev.sitepulse.pinger.format.CsvRows;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.List;

/**
 * One row per broken link occurrence (target × referring page) or embedding of a broken resource,
 * RFC 4180, every text cell as every CSV of sitepulse has it ({@link CsvRows}): what pages and
 * servers chose is on one line and no spreadsheet formula.
 */
final class LinksCsv {

  private static final List<String> COLUMNS = List.of("target", "status", "error_kind", "problem", "external",
      "redirect_chain", "page", "line", "anchor_text", "embedded_as");

  /** Where a failed seed or sitemap entry, which no page links to, comes from: nowhere. */
  private static final Referrer SEED = new Referrer("", null, 0);

  private LinksCsv() {}

  static void write(LinkReport r, PrintStream out) {
    StringWriter text = new StringWriter();
    try (CsvRows csv = CsvRows.to(text, COLUMNS)) {
      for (BrokenLink b : r.broken()) {
        // A seed or a sitemap entry that no page links to has a row all the same, its page empty.
        for (Referrer ref : b.referrers().isEmpty() ? List.of(SEED) : b.referrers()) {
          csv.startRow();
          csv.text(b.url()); // a link that is no URL is kept as the page wrote it
          csv.number(b.status());
          csv.text(b.errorKind());
          csv.text(b.problem());
          csv.text(String.valueOf(b.external()));
          csv.text(String.join(" ", b.chain()));
          csv.text(ref.page());
          if (ref.line() > 0) {
            csv.number(ref.line());
          } else {
            csv.empty(); // unknown
          }
          csv.text(ref.anchorText());
          csv.text(ref.embeds() ? ref.embeddedAs() : null); // a link's stays empty
          csv.endRow();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print(text);
  }
}
