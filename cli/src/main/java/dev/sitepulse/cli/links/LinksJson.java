package dev.sitepulse.cli.links;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import dev.sitepulse.crawler.links.UncheckedAnchor;
import dev.sitepulse.pinger.format.JsonOutput;
import java.io.PrintStream;
import java.util.Locale;

/** The link report as one JSON document. */
final class LinksJson {

  private LinksJson() {}

  static void write(LinkReport r, PrintStream out) {
    JsonOutput.pretty(out, g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("pages", r.pages());
      g.writeNumberField("links", r.links());
      g.writeNumberField("resources", r.resources());
      g.writeNumberField("targets", r.targets());
      g.writeNumberField("broken", r.broken().size());
      // Broken, yet on pages that work: not among the broken targets.
      g.writeNumberField("missing_anchors", r.missingAnchors());
      g.writeNumberField("redirects_to_errors", r.redirectsToErrors());
      g.writeNumberField("checked_online", r.checkedOnline());
      g.writeNumberField("skipped", r.skipped());
      // Among the skipped: seeds robots.txt disallows, which fail the check.
      g.writeNumberField("seeds_disallowed", r.seedsDisallowed().size());
      g.writeNumberField("non_http_links", r.nonHttp());
      g.writeNumberField("pages_cut_at_max_body", r.cutPages().size());
      g.writeNumberField("pages_binary", r.binaryPages().size());
      g.writeNumberField("pages_with_links_cut", r.linksCutPages().size());
      g.writeNumberField("anchors_not_checked", r.anchorsNotChecked().size());
      // Asked for without an answer, their retry cut by --max-pages: neither broken nor working.
      g.writeNumberField("targets_retry_cut_at_max_pages", r.triesCut().size());
      // Ctrl-C or SIGTERM cut the check short: what follows is partial.
      g.writeBooleanField("stopped", r.stopped());
      g.writeNumberField("targets_not_checked_at_stop", r.notCheckedAtStop().size());
      // With warc: true, responses the WARC file lacks: they fail the check, whatever the links gave.
      g.writeNumberField("responses_not_archived", r.responsesNotArchived());
      g.writeEndObject();
      g.writeStringField("warc_failure", r.warcFailure()); // why they are lacking; null when none is
      // The lists, in the order the summary counts them. Links after the cut of these were never seen.
      g.writeArrayFieldStart("seeds_disallowed");
      for (String seed : r.seedsDisallowed()) {
        g.writeString(seed);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("pages_cut_at_max_body");
      for (String page : r.cutPages()) {
        g.writeString(page);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("pages_binary"); // served as HTML, their bodies binary: no link of theirs was read
      for (String page : r.binaryPages()) {
        g.writeString(page);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("pages_with_links_cut"); // links past --max-links-per-page: never seen, not checked
      for (String page : r.linksCutPages()) {
        g.writeString(page);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("anchors_not_checked");
      for (UncheckedAnchor a : r.anchorsNotChecked()) {
        g.writeStartObject();
        g.writeStringField("url", a.url());
        g.writeStringField("why", a.why().words());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("targets_retry_cut_at_max_pages");
      for (String target : r.triesCut()) {
        g.writeString(target);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("targets_not_checked_at_stop");
      for (String target : r.notCheckedAtStop()) {
        g.writeString(target);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("broken");
      for (BrokenLink b : r.broken()) {
        g.writeStartObject();
        g.writeStringField("url", b.url());
        g.writeNumberField("status", b.status());
        g.writeStringField("error_kind", b.errorKind());
        g.writeStringField("problem", b.problem());
        g.writeBooleanField("external", b.external());
        // "seed" or "sitemap" for one that no page links to, whose linked_from is empty; null otherwise
        g.writeStringField("failed_start", b.start() == null ? null : b.start().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("redirect_chain");
        for (String hop : b.chain()) {
          g.writeString(hop);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("linked_from");
        for (Referrer ref : b.referrers()) {
          g.writeStartObject();
          g.writeStringField("page", ref.page());
          if (ref.line() > 0) {
            g.writeNumberField("line", ref.line());
          } else {
            g.writeNullField("line"); // unknown
          }
          g.writeStringField("anchor_text", ref.anchorText());
          g.writeStringField("embedded_as", ref.embeddedAs()); // null for a link
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
