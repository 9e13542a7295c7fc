package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One JSON document on a command's output, then a newline, for every {@code --format json}. The
 * stream is the caller's (stdout, often) and stays open. The bytes are UTF-8, as JSON must be,
 * whatever the terminal's locale. Every JSON sitepulse writes (watch's {@code /status} and its
 * webhooks' bodies too, through {@link #generator}) comes from one factory, which escapes what
 * {@link JsonEscapes} names.
 */
public final class JsonOutput {
  // Plain decimals: a timing of 100 ms must read 100, not 1E+2.
  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .characterEscapes(JsonEscapes.INSTANCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private JsonOutput() {}

  /** Writes one document with the generator it is handed. */
  @FunctionalInterface
  public interface Document {
    void write(JsonGenerator g) throws IOException;
  }

  /** Indented, for people and scripts alike. */
  public static void pretty(PrintStream out, Document document) {
    unchecked(() -> write(out, document, true));
  }

  /** On one line. */
  public static void compact(PrintStream out, Document document) {
    unchecked(() -> write(out, document, false));
  }

  /** Indented, onto a stream whose failures (a full disk) the caller reports. */
  public static void pretty(OutputStream out, Document document) throws IOException {
    write(out, document, true);
  }

  /** A compact generator onto {@code out}, which stays open: for JSON that is no command's output. */
  public static JsonGenerator generator(Writer out) throws IOException {
    return JSON.createGenerator(out);
  }

  /** A compact generator writing UTF-8 onto {@code out}, which stays open. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return JSON.createGenerator(out);
  }

  private static void write(OutputStream out, Document document, boolean pretty) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      document.write(g);
    }
    out.write('\n');
    out.flush();
  }

  private interface Io {
    void run() throws IOException;
  }

  // A PrintStream never throws; only a document's own code could.
  private static void unchecked(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
