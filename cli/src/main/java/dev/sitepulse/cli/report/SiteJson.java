package dev.sitepulse.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The site section of the JSON report: every figure of a {@link SiteReport}, unrounded. */
final class SiteJson {

  private SiteJson() {}

  static void write(JsonGenerator g, SiteReport s) throws IOException {
    g.writeObjectFieldStart("site");
    g.writeStringField("crawl_db", s.crawlDb().toString());
    g.writeNumberField("urls", s.urls());
    JsonReport.counts(g, "states", s.byState());
    g.writeNumberField("indexed", s.indexed());
    g.writeNumberField("indexed_not_committed", s.notCommitted()); // recorded so, not in the index's last commit
    g.writeNumberField("duplicates", s.duplicates());
    JsonReport.counts(g, "status_codes", s.statuses());
    JsonReport.counts(g, "error_kinds", s.errors());
    g.writeNumberField("bytes", s.bytes());
    g.writeStringField("last_fetched", s.lastFetched() == null ? null : s.lastFetched().toString());
    JsonReport.latency(g, "fetch_ms", s.fetch());
    pages(g, "slowest", "fetch_ms", s.slowest(), false);
    pages(g, "largest", "bytes", s.largest(), true);
    SiteReport.Links l = s.links();
    g.writeObjectFieldStart("links");
    g.writeNumberField("links", l.links());
    g.writeNumberField("targets", l.targets());
    g.writeNumberField("broken_targets", l.brokenTargets());
    g.writeArrayFieldStart("most_linked_broken");
    for (SiteReport.Broken b : l.broken()) {
      g.writeStartObject();
      g.writeStringField("url", b.url());
      g.writeStringField("problem", b.problem());
      g.writeNumberField("places", b.places());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("failed_starts");
    for (SiteReport.FailedStart f : l.failedStarts()) {
      g.writeStartObject();
      g.writeStringField("url", f.url());
      g.writeStringField("as", f.start().name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringField("problem", f.problem());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("seeds_not_reached");
    for (String url : l.seedsNotReached()) {
      g.writeString(url);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("top_pagerank");
    for (SiteReport.RankedPage p : s.topRanked()) {
      g.writeStartObject();
      g.writeStringField("title", p.title());
      g.writeStringField("url", p.url());
      g.writeNumberField("pagerank", p.rank());
      g.writeEndObject();
    }
    g.writeEndArray();
    SiteReport.Analysis a = s.analysis();
    if (a == null) {
      g.writeNullField("near_duplicate_clusters");
      g.writeNullField("analysis");
    } else {
      g.writeNumberField("near_duplicate_clusters", a.clusters());
      g.writeObjectFieldStart("analysis");
      g.writeStringField("at", a.at() == null ? null : a.at().toString());
      g.writeNumberField("pages", a.pages());
      g.writeBooleanField("crawl_changed_since", a.crawlChangedSince());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** @param whole a count (bytes), written as an integer like the site's own {@code bytes}, not as 68.0 */
  private static void pages(JsonGenerator g, String name, String figure, java.util.List<SiteReport.PageFigure> pages,
      boolean whole) throws IOException {
    g.writeArrayFieldStart(name);
    for (SiteReport.PageFigure p : pages) {
      g.writeStartObject();
      g.writeStringField("url", p.url());
      if (whole) {
        g.writeNumberField(figure, (long) p.value());
      } else {
        g.writeNumberField(figure, p.value());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
