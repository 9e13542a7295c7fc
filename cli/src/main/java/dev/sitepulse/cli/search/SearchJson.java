package dev.sitepulse.cli.search;

import dev.sitepulse.crawler.search.Highlight;
import dev.sitepulse.crawler.search.SearchHit;
import dev.sitepulse.crawler.search.SearchResults;
import dev.sitepulse.pinger.format.JsonOutput;
import java.io.PrintStream;

/** Results for a program: every hit with its snippet and the character offsets of the matches. */
final class SearchJson {

  private SearchJson() {}

  static void write(SearchResults results, PrintStream out) {
    JsonOutput.compact(out, g -> {
      g.writeStartObject();
      g.writeStringField("query", results.query());
      g.writeNumberField("total_hits", results.totalHits());
      g.writeNumberField("offset", results.offset());
      g.writeNumberField("took_ms", results.tookNanos() / 1e6);
      g.writeStringField("did_you_mean", results.didYouMean());
      g.writeArrayFieldStart("hits");
      int rank = results.offset() + 1;
      for (SearchHit hit : results.hits()) {
        g.writeStartObject();
        g.writeNumberField("rank", rank++);
        g.writeNumberField("score", hit.score());
        g.writeStringField("title", hit.title());
        g.writeStringField("site", hit.site());
        g.writeStringField("url", hit.url());
        g.writeStringField("anchor", hit.anchor());
        g.writeBooleanField("definition", hit.definition());
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
    });
  }
}
