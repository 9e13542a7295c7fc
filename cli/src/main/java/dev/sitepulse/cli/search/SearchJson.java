package dev.sitepulse.cli.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.sitepulse.crawler.search.Highlight;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Results for a program: every hit with its snippet and the character offsets of the matches. */
final class SearchJson {

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private SearchJson() {}

  static void write(SearchResults results, PrintStream out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("query", results.query());
      g.writeNumberField("total_hits", results.totalHits());
      g.writeNumberField("took_ms", results.tookNanos() / 1e6);
      g.writeArrayFieldStart("hits");
      int rank = 1;
      for (SearchHit hit : results.hits()) {
        g.writeStartObject();
        g.writeNumberField("rank", rank++);
        g.writeNumberField("score", hit.score());
        g.writeStringField("title", hit.title());
        g.writeStringField("url", hit.url());
        g.writeStringField("snippet", hit.snippet());
        g.writeArrayFieldStart("highlights");
        for (Highlight h : hit.highlights()) {
          g.writeStartObject();
          g.writeNumberField("start", h.start());
          g.writeNumberField("end", h.end());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
