package dev.sitepulse.cli.links;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import dev.sitepulse.pinger.format.CsvText;
import dev.sitepulse.pinger.format.OneLine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.List;

/**
 * One row per broken link occurrence (target × referring page) or embedding of a broken resource,
 * RFC 4180.
 */
final class LinksCsv {

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final CsvSchema SCHEMA = CsvSchema.builder()
      .addColumns(List.of("target", "status", "error_kind", "problem", "external", "redirect_chain",
          "page", "line", "anchor_text", "embedded_as"), CsvSchema.ColumnType.STRING)
      .setUseHeader(true)
      .setLineSeparator("\r\n")
      .build();

  /** Where a failed seed or sitemap entry, which no page links to, comes from: nowhere. */
  private static final Referrer SEED = new Referrer("", null, 0);

  private LinksCsv() {}

  /**
   * Text a page or a server chose, as a spreadsheet may safely open it: on one line, without
   * control characters or bidi overrides (as in the table), and not taken for a formula.
   */
  static String cell(String text) {
    return CsvText.formulaSafe(OneLine.of(text));
  }

  static void write(LinkReport r, PrintStream out) {
    StringWriter text = new StringWriter();
    try (CsvGenerator csv = FACTORY.createGenerator(text)) {
      csv.setSchema(SCHEMA);
      for (BrokenLink b : r.broken()) {
        // A seed or a sitemap entry that no page links to has a row all the same, its page empty.
        for (Referrer ref : b.referrers().isEmpty() ? List.of(SEED) : b.referrers()) {
          csv.writeStartArray();
          csv.writeString(cell(b.url())); // a link that is no URL is kept as the page wrote it
          csv.writeNumber(b.status());
          csv.writeString(b.errorKind() == null ? "" : b.errorKind());
          csv.writeString(cell(b.problem()));
          csv.writeString(String.valueOf(b.external()));
          csv.writeString(String.join(" ", b.chain()));
          csv.writeString(ref.page());
          if (ref.line() > 0) {
            csv.writeNumber(ref.line());
          } else {
            csv.writeString(""); // unknown
          }
          csv.writeString(ref.anchorText() == null ? "" : cell(ref.anchorText()));
          csv.writeString(ref.embeds() ? ref.embeddedAs() : ""); // a link's stays empty
          csv.writeEndArray();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print(text);
  }
}
