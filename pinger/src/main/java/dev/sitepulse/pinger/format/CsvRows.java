package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Rows of every CSV sitepulse writes (ping's, links'): RFC 4180 with a header row and CRLF line
 * ends, fields quoted only where they must be, and every text cell as {@link CsvText#cell} makes
 * it, so that no writer can put a site's or a config's text into a cell unsafely.
 */
public final class CsvRows implements Closeable {

  // Streaming through CsvFactory keeps Jackson's databind layer out of a short run's start-up.
  // Strict quoting: by default Jackson quotes every string over 24 characters, needed or not.
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final CsvGenerator csv;

  private CsvRows(CsvGenerator csv) {
    this.csv = csv;
  }

  /** Rows onto {@code out}, which stays open, under a header of {@code columns}. */
  public static CsvRows to(Writer out, List<String> columns) throws IOException {
    CsvGenerator csv = FACTORY.createGenerator(out);
    csv.setSchema(CsvSchema.builder()
        .addColumns(columns, CsvSchema.ColumnType.STRING)
        .setUseHeader(true)
        .setLineSeparator("\r\n")
        .build());
    return new CsvRows(csv);
  }

  public void startRow() throws IOException {
    csv.writeStartArray();
  }

  public void endRow() throws IOException {
    csv.writeEndArray();
  }

  /** A text cell, made safe by {@link CsvText#cell}; null is an empty cell. */
  public void text(String text) throws IOException {
    if (text == null) {
      csv.writeNull();
    } else {
      csv.writeString(CsvText.cell(text));
    }
  }

  public void number(long n) throws IOException {
    csv.writeNumber(n);
  }

  /** Written plain: 100, not 1E+2. */
  public void number(BigDecimal n) throws IOException {
    csv.writeNumber(n);
  }

  public void empty() throws IOException {
    csv.writeNull();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
