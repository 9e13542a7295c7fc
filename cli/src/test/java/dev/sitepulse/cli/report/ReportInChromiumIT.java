package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a person sees it: opened in headless Chromium, checked through the DOM. */
class ReportInChromiumIT {

  @TempDir static Path dir;

  private static HeadlessChromium chromium;

  @BeforeAll
  static void launch() throws Exception {
    chromium = HeadlessChromium.launch(HeadlessChromium.require(), dir);
  }

  @AfterAll
  static void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The page of a day of {@link SampleHistory} up to now, written to {@code name}.html. */
  private static Path sampleReport(String name) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Path data = Files.createDirectories(dir.resolve(name));
    SampleHistory.write(data, now);
    Report report;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(SqliteHistory.openForReading(data), stats)
          .build(now.minus(Duration.ofHours(24)), now, null);
    }
    Path html = dir.resolve(name + ".html");
    Files.writeString(html, HtmlReport.render(report, now, 0));
    return html;
  }

  @Test
  void theReportOpensWithoutConsoleErrorsAndShowsEveryTargetAndChart() throws Exception {
    Path html = sampleReport("sample");

    chromium.open(html.toUri().toString());

    assertThat(chromium.eval("document.querySelectorAll('#targets tbody tr').length").asInt()).isEqualTo(6);
    assertThat(chromium.eval("document.querySelector('tr[data-target=\"blog\"] td.incidents').textContent").asText())
        .isEqualTo("2");
    assertThat(chromium.eval("document.querySelector('tr[data-target=\"legacy-crm\"] .pill').textContent").asText())
        .isEqualTo("DOWN");
    assertThat(chromium.eval("document.querySelector('#card-tls .note').textContent").asText()).isEqualTo("api");
    assertThat(chromium.eval("document.querySelectorAll('svg.latency').length").asInt()).isEqualTo(6);
    assertThat(chromium.eval("document.querySelectorAll('svg.timeline rect.s-down').length").asInt())
        .isGreaterThanOrEqualTo(3);
    assertThat(chromium.eval("document.querySelector('svg.availability').getBoundingClientRect().width").asDouble())
        .isGreaterThan(300);
    assertThat(chromium.eval("document.querySelectorAll('script').length").asInt()).isZero();
    assertThat(chromium.errors()).isEmpty();
    chromium.screenshot(Path.of("target/report.png"), 1280);
  }

  @Test
  void aSiteSectionWithHostilePageTitlesAndUrlsOpensAsText() throws Exception {
    String title = "<script>window.__pwned=1</script>Docs";
    String url = "https://docs.example/\"><img src=x onerror=window.__pwned=2>";
    SiteReport site = new SiteReport(dir.resolve("crawl.db"), 3, java.util.Map.of("done", 3L), 2, 0,
        java.util.Map.of(200, 2L, 404, 1L), java.util.Map.of(), 4096, new Latency(3, 1.5, 4, 1.5, 9, 9, 9, 9, 9),
        java.util.List.of(new SiteReport.PageFigure(url, 9)), java.util.List.of(new SiteReport.PageFigure(url, 4096)),
        new SiteReport.Links(4, 3, 1, java.util.List.of(new SiteReport.Broken(url, "404 Not Found", 2)), java.util.List.of(),
            java.util.List.of()),
        java.util.List.of(new SiteReport.RankedPage(title, url, 0.5)),
        new SiteReport.Analysis(Instant.now(), 3, 1, false), Instant.now());
    Path html = dir.resolve("site.html");
    Files.writeString(html, HtmlReport.render(null, site, Instant.now(), 0));

    chromium.open(html.toUri().toString());

    assertThat(chromium.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
    assertThat(chromium.eval("document.querySelectorAll('script, img').length").asInt()).isZero();
    assertThat(chromium.eval("document.querySelector('#site-pagerank td').textContent").asText()).isEqualTo(title);
    assertThat(chromium.eval("document.querySelector('#site-broken-links td').textContent").asText()).isEqualTo(url);
    assertThat(chromium.eval("document.querySelector('#card-site-broken .value').textContent").asText()).isEqualTo("1");
    assertThat(chromium.errors()).isEmpty();
  }

  @Test
  void onALaptopWideScreenASiteTableWithAUrlOrTitleOfNoSpacesWrapsItSoItsOtherColumnsShow() throws Exception {
    // A 400-character path and a 300-character word of a title pushed Problem, Places and Rank out of sight.
    String url = "http://127.0.0.1:8092/" + "L".repeat(400) + ".html";
    String title = "Docs " + "W".repeat(300);
    SiteReport site = new SiteReport(dir.resolve("crawl.db"), 3, java.util.Map.of("done", 3L), 2, 0,
        java.util.Map.of(200, 2L, 404, 1L), java.util.Map.of(), 4096, new Latency(3, 1.5, 4, 1.5, 9, 9, 9, 9, 9),
        java.util.List.of(new SiteReport.PageFigure(url, 9)), java.util.List.of(new SiteReport.PageFigure(url, 4096)),
        new SiteReport.Links(4, 3, 1, java.util.List.of(new SiteReport.Broken(url, "404 Not Found", 1449)),
            java.util.List.of(new SiteReport.FailedStart(url, BrokenLink.Start.SEED, "404 Not Found")),
            java.util.List.of(url)),
        java.util.List.of(new SiteReport.RankedPage(title, "http://127.0.0.1:8092/library/os.html", 0.5)),
        new SiteReport.Analysis(Instant.now(), 3, 1, false), Instant.now());
    Path html = dir.resolve("site-long.html");
    Files.writeString(html, HtmlReport.render(null, site, Instant.now(), 0));

    chromium.open(html.toUri().toString());
    chromium.call("Emulation.setDeviceMetricsOverride", p -> p.put("width", 1280).put("height", 1000)
        .put("deviceScaleFactor", 1).put("mobile", false));

    assertThat(chromium.eval("[...document.querySelectorAll('#site .scroll')]"
        + ".filter(s => s.scrollWidth > s.clientWidth).map(s => s.querySelector('table').id)"))
        .as("site tables wider than their box").isEmpty();
    assertThat(chromium.eval("document.querySelector('#site-broken-links tbody td:last-child').textContent").asText())
        .isEqualTo("1449");
    assertThat(chromium.eval("(r => (r.selectNodeContents(document.querySelector('#site-pagerank tbody td:last-child')),"
        + " r.getClientRects().length))(document.createRange())").asInt()).as("lines of a rank").isEqualTo(1);
    assertThat(chromium.eval("(r => (r.selectNodeContents(document.querySelector('#site-pagerank tbody td:nth-child(2)')),"
        + " r.getClientRects().length))(document.createRange())").asInt())
        .as("lines of a short URL beside a long title").isEqualTo(1);
    assertThat(chromium.errors()).isEmpty();
  }

  @Test
  void aHostileTargetNameIsShownAsTextAndNeverRuns() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path data = Files.createDirectories(dir.resolve("hostile"));
    Path html = dir.resolve("hostile.html");
    Files.writeString(html, HtmlReport.render(HtmlReportTest.hostileReport(data, now), now, 0));

    chromium.open(html.toUri().toString());

    assertThat(chromium.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
    assertThat(chromium.eval("document.querySelectorAll('script, img, svg[onload]').length").asInt()).isZero();
    assertThat(chromium.eval("document.title").asText()).startsWith("sitepulse: the whole history (30m) up to ");
    assertThat(chromium.eval("document.querySelector('#targets tbody tr').dataset.target").asText())
        .isEqualTo(HtmlReportTest.HOSTILE_NAME);
    assertThat(chromium.eval("document.querySelector('#targets .url').textContent").asText())
        .isEqualTo(HtmlReportTest.HOSTILE_URL);
    assertThat(chromium.eval("document.querySelector('#alerts td:last-child').textContent").asText())
        .isEqualTo(HtmlReportTest.HOSTILE_ERROR);
    assertThat(chromium.dialogs()).isEmpty();
    assertThat(chromium.errors()).isEmpty();
  }

  /** A connection refused, as long as pinger words it with its host, port and attempts. */
  private static final String LONG_MESSAGE = "connection refused by crm.internal.example:8080 after 3 attempts "
      + "(10.0.4.17:8080: Connection refused); the last attempt waited 4s for its back-off before it gave up";

  @Test
  void onALaptopWideScreenTheTargetsTableFitsSoItsLastMessageIsReadWholeWithoutScrolling() throws Exception {
    Path html = sampleReport("laptop"); // no watch holds its folder: every target's checks stopped
    String page = Files.readString(html).replace("<td class=\"message\">sample</td>",
        "<td class=\"message\">" + LONG_MESSAGE + "</td>");
    Files.writeString(html, page);

    chromium.open(html.toUri().toString());
    chromium.call("Emulation.setDeviceMetricsOverride", p -> p.put("width", 1300).put("height", 900)
        .put("deviceScaleFactor", 1).put("mobile", false));

    assertThat(chromium.eval("document.querySelector('#targets tr[data-target=\"legacy-crm\"] td.message')"
        + ".textContent").asText())
        .isEqualTo(LONG_MESSAGE);
    assertThat(chromium.eval("(s => s.scrollWidth - s.clientWidth)(document.querySelector('#targets .scroll'))")
        .asInt()).as("the table is no wider than its box").isLessThanOrEqualTo(0);
    assertThat(chromium.errors()).isEmpty();
    chromium.screenshot(Path.of("target/report-1300.png"), 1300);
  }

  @Test
  void onAPhoneWideScreenOnlyTablesScrollAndChecksStoppedTakesTwoLinesAtMost() throws Exception {
    Path html = sampleReport("narrow"); // no watch holds its folder: every target's checks stopped

    chromium.open(html.toUri().toString());
    chromium.call("Emulation.setDeviceMetricsOverride", p -> p.put("width", 420).put("height", 1200)
        .put("deviceScaleFactor", 1).put("mobile", false));

    assertThat(chromium.eval("document.documentElement.scrollWidth").asInt()).as("no sideways scroll")
        .isLessThanOrEqualTo(420);
    assertThat(chromium.eval("Math.max(...[...document.querySelectorAll('table, svg')]"
        + ".map(e => e.closest('.scroll') ? 0 : e.getBoundingClientRect().right))").asDouble())
        .as("charts scale and tables outside a scrolling box fit").isLessThanOrEqualTo(420);
    assertThat(chromium.eval("document.querySelectorAll('#targets .stopped').length").asInt()).isEqualTo(6);
    assertThat(chromium.eval("Math.max(...[...document.querySelectorAll('#targets .stopped')]"
        + ".map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))").asDouble())
        .as("lines of checks stopped").isLessThanOrEqualTo(2.05);
    assertThat(chromium.errors()).isEmpty();
  }
}
