package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.watch.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script and no external
 * asset, and a Content-Security-Policy that forbids both. Every string from outside is escaped by
 * {@link Html}. The live page of {@code watch} is the same page with a refresh.
 */
public final class HtmlReport {

  /** No script, no request: styles and images inline only. The live page sends it as a header too. */
  public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private HtmlReport() {}

  /** @param refreshSeconds reload the page this often; 0 for a static report */
  public static String render(Report r, Instant generated, int refreshSeconds) {
    return render(r, null, generated, refreshSeconds);
  }

  /**
   * @param r the watch history's report, or null
   * @param site the crawl's report, or null
   */
  static String render(Report r, SiteReport site, Instant generated, int refreshSeconds) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String window = r == null ? null : Figures.window(r);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n");
    h.append("<link rel=\"icon\" href=\"data:,\">\n"); // no favicon request, so no 404 in the console
    if (refreshSeconds > 0) {
      h.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">\n");
    }
    String title = r == null ? "site " + site.crawlDb()
        : window + " up to " + Figures.time(r.until());
    h.append("<title>sitepulse: ").append(Html.escape(title)).append("</title>\n<style>").append(ReportStyle.CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>sitepulse</h1><p class=\"window\">");
    if (r != null) {
      h.append(Html.escape(window.substring(0, 1).toUpperCase(Locale.ROOT) + window.substring(1)))
          .append(": ").append(Html.escape(Figures.time(r.since())))
          .append(" to ").append(Html.escape(Figures.time(r.until()))).append(" · ");
    }
    h.append("generated ").append(Html.escape(Figures.time(generated)))
        .append(refreshSeconds > 0 ? " · refreshes every " + refreshSeconds + " s" : "").append("</p></header>\n");
    if (r != null) {
      summary(h, r);
      if (r.targets().isEmpty()) {
        h.append("<p class=\"empty\" id=\"no-data\">No checks in this window.</p>\n");
      } else {
        charts(h, r);
        table(h, r.targets());
        incidents(h, r.targets(), r.since());
      }
      alerts(h, r.failedAlerts());
    }
    if (site != null) {
      SiteHtml.section(h, site);
    }
    h.append("<footer>sitepulse report · times in UTC")
        .append(r == null ? "" : " · availability counts UP and DEGRADED checks").append("</footer>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, Report r) {
    TargetReport soonest = r.soonestTlsExpiry();
    long down = r.targets().stream()
        .filter(t -> t.state().equals(State.DOWN.name()) && t.checksStopped() == null).count();
    long stopped = r.targets().stream().filter(t -> t.checksStopped() != null).count();
    h.append("<section class=\"summary\" id=\"summary\">");
    card(h, "targets", "Targets", Long.toString(r.targets().size()),
        down + " down now" + (stopped > 0 ? ", " + stopped + " no longer checked" : ""));
    card(h, "availability", "Availability", Figures.percent(r.availability()), r.checks() + " checks");
    card(h, "incidents", "Incidents", Long.toString(r.incidents()), downtime(r.targets()));
    card(h, "tls", "Soonest TLS expiry", soonest == null ? Figures.NONE : Figures.day(soonest.tlsExpiry()),
        soonest == null ? "no TLS targets" : soonest.name());
    h.append("</section>\n");
  }

  /**
   * The targets' downtime added up, said so: "2m13s down in all" over a window of 1m17s read as
   * time that passed.
   */
  private static String downtime(List<TargetReport> targets) {
    List<Duration> each = targets.stream().map(TargetReport::downtime).filter(d -> !d.isZero()).toList();
    Duration sum = each.stream().reduce(Duration.ZERO, Duration::plus);
    return switch (each.size()) {
      case 0 -> "no downtime";
      case 1 -> Figures.duration(sum) + " of downtime, 1 target";
      default -> Figures.duration(sum) + " of downtime summed over " + each.size() + " targets";
    };
  }

  static void card(StringBuilder h, String id, String title, String value, String note) {
    h.append("<div class=\"card\" id=\"card-").append(id).append("\"><h3>").append(Html.escape(title))
        .append("</h3><p class=\"value\">").append(Html.escape(value)).append("</p><p class=\"note\">")
        .append(Html.escape(note)).append("</p></div>");
  }

  private static void charts(StringBuilder h, Report r) {
    List<TargetReport> all = r.targets();
    List<TargetReport> worst = Charts.charted(all, Charts.byAvailability());
    h.append("<section id=\"availability\"><h2>Availability</h2>").append(note(worst.size(), all.size(), "lowest availability"))
        .append(Charts.availability(worst)).append("</section>\n");
    List<TargetReport> timeline = Charts.charted(all, Comparator.comparing(TargetReport::downtime).reversed()
        .thenComparing(TargetReport::name));
    h.append("<section id=\"timeline\"><h2>Incident timeline</h2>").append(note(timeline.size(), all.size(), "most downtime"))
        .append(Charts.timeline(timeline, r.since(), r.until()))
        .append("<p class=\"legend\"><span class=\"key s-up\"></span>UP <span class=\"key s-degraded\"></span>DEGRADED ")
        .append("<span class=\"key s-down\"></span>DOWN <span class=\"key s-unknown\"></span>not known (before the ")
        .append("first check, while checks were stopped, or after they stopped)</p></section>\n");
    List<TargetReport> slow = Charts.charted(all, Comparator.comparing((TargetReport t) -> -t.latency().p95())
        .thenComparing(TargetReport::name));
    h.append("<section id=\"latency\"><h2>Latency over time</h2>").append(note(slow.size(), all.size(), "highest p95"))
        .append("<p class=\"legend\"><span class=\"key mean\"></span>mean <span class=\"key max\"></span>maximum, per ")
        .append(Html.escape(Figures.duration(all.get(0).series().width()))).append("</p><div class=\"grid\">");
    for (TargetReport t : slow) {
      // A name of thousands of characters would make the caption a page long: cut, the whole is its tooltip.
      String caption = TableReport.text(t.name());
      h.append(caption.endsWith("…") ? "<figure><figcaption title=\"" + Html.escape(t.name()) + "\">" : "<figure><figcaption>")
          .append(Html.escape(caption)).append("</figcaption>")
          .append(Charts.latency(t, r.since(), r.until())).append("</figure>");
    }
    h.append("</div></section>\n");
  }

  private static String note(int shown, int all, String what) {
    return shown == all ? "" : "<p class=\"note\">The " + shown + " of " + all + " targets with the " + what
        + "; the table lists all.</p>";
  }

  private static void table(StringBuilder h, List<TargetReport> targets) {
    h.append("<section id=\"targets\"><h2>Targets</h2><div class=\"scroll\"><table><thead><tr>");
    TargetColumn.ALL.forEach(c -> h.append("<th>").append(Html.escape(c.heading())).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (TargetReport t : targets) {
      h.append("<tr data-target=\"").append(Html.escape(t.name())).append("\"><td><div class=\"name\">")
          .append(Html.escape(t.name())).append("</div><div class=\"url\">").append(Html.escape(t.url()))
          .append("</div></td><td><span class=\"pill s-").append(t.state().toLowerCase(Locale.ROOT)).append("\">")
          .append(Html.escape(t.state())).append("</span>");
      if (t.checksStopped() != null) {
        // Two short lines, not "checks stopped at" and a time wrapped over six in the narrow column.
        h.append("<div class=\"url stopped\">checks stopped<br>").append(Html.escape(Figures.time(t.checksStopped())))
            .append("</div>");
      }
      h.append("</td>");
      TargetColumn.FIGURES.forEach(c -> cell(h, c.cssClass(), c.value().apply(t)));
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div></section>\n");
  }

  static void cell(StringBuilder h, String name, String text) {
    h.append("<td class=\"").append(name).append("\">").append(Html.escape(text)).append("</td>");
  }

  private static void incidents(StringBuilder h, List<TargetReport> targets, Instant since) {
    h.append("<section id=\"incidents\"><h2>Incidents</h2>");
    if (targets.stream().allMatch(t -> t.incidents().isEmpty())) {
      h.append("<p class=\"empty\">None in this window.</p></section>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table><thead><tr><th>Target</th><th>Down from</th><th>Until</th><th>For</th>")
        .append("<th>Failed checks</th>")
        .append("<th>Reason (first failed check)</th></tr></thead><tbody>\n");
    for (TargetReport t : targets) {
      for (Incident i : t.incidents()) {
        h.append("<tr><td>").append(Html.escape(t.name())).append("</td><td>")
            .append(Html.escape(Figures.incidentStart(i)))
            .append("</td><td>").append(i.ongoing() ? "<strong>still down</strong>" : Html.escape(Figures.incidentEnd(i)))
            .append("</td><td>").append(Html.escape(Figures.incidentLength(i, since))).append("</td>");
        cell(h, "failures", Figures.incidentFailures(i));
        cell(h, "message", Figures.incidentReason(i));
        h.append("</tr>\n");
      }
    }
    h.append("</tbody></table></div></section>\n");
  }

  private static void alerts(StringBuilder h, List<DeliveryRecord> failed) {
    if (failed.isEmpty()) {
      return;
    }
    h.append("<section id=\"alerts\"><h2>Alerts not delivered</h2><div class=\"scroll\"><table><thead><tr>")
        .append("<th>Target</th><th>At</th>")
        .append("<th>Alert</th><th>Webhook</th><th>Attempts</th><th>Error</th></tr></thead><tbody>\n");
    for (DeliveryRecord d : failed) {
      h.append("<tr><td>").append(Html.escape(d.target())).append("</td><td>").append(Html.escape(Figures.time(d.at())))
          .append("</td><td>").append(Html.escape(d.kind())).append("</td><td class=\"url\">").append(Html.escape(d.sink()))
          .append("</td><td>").append(d.attempts()).append("</td><td>").append(Html.escape(d.error()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div></section>\n");
  }
}
