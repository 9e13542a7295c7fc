package dev.sitepulse.cli.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse crawl` (in-process) against a WireMock server, as a user reads its summary. */
class CrawlCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @Test
  void aSiteWhoseRobotsTxtAnswers503IsNotCrawledAndTheSummarySaysWhy() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>never fetched</body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as("it fetched nothing: %s", run).isEqualTo(2);
    assertThat(run.out()).as(run.toString())
        .contains("crawled 0 pages (0 indexed)")
        .contains("statuses:  none\n")
        .contains("errors:    none\n")
        .contains("left:      1 URL queued (1 on 1 host whose robots.txt could not be read); run again to continue");
    assertThat(run.err()).as(run.toString()).contains("robots.txt of " + StubServer.url(site, "/").replaceAll("/$", "")
        + " could not be read (503 Service Unavailable); not crawling that host: its URLs are left queued for a later run");
    assertThat(site.countRequestsMatching(get("/").build().getRequest()).getCount()).isZero();
  }

  @Test
  void aRobotsTxtWithLinesNoCrawlerCanReadGetsOneWarningSayingHowManyAndTheRestIsObeyed() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /private\nCrawl-delay: soon\nSitemap: no url\n<p>oops</p>\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=/private/page>private</a></body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String origin = StubServer.url(site, "/").replaceAll("/$", "");
    assertThat(run.err().lines().filter(line -> line.contains("robots.txt"))).as(run.toString())
        .singleElement().asString()
        .endsWith("robots.txt of " + origin + ": 3 lines not understood and ignored; the rest is obeyed");
    assertThat(run.out()).contains("1 blocked by robots.txt");
  }

  @Test
  void noSeedAtAllSaysWhereSeedsGoOnTheCommandLineAndInTheConfig() throws Exception {
    Path config = Files.writeString(data.resolve("targets-only.yaml"), "targets:\n  - url: http://127.0.0.1:1/\n");

    CommandLineRun bare = CommandLineRun.of("crawl", "--data", data.resolve("d").toString());
    CommandLineRun withConfig = CommandLineRun.of("links", "-c", config.toString());

    assertThat(bare.exitCode()).isEqualTo(3);
    assertThat(bare.err()).isEqualTo("sitepulse: give at least one seed URL, or -c FILE with crawl: seeds:\n");
    assertThat(withConfig.exitCode()).isEqualTo(3);
    assertThat(withConfig.err()).isEqualTo("sitepulse: give at least one seed URL: " + config
        + " has none under crawl: seeds:\n");
  }

  @Test
  void aSitemapThatBreaksOffIsOneLineOfOursNotTheParsersTwo() {
    String origin = StubServer.url(site, "/").replaceAll("/$", "");
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + origin + "/broken.xml\n")));
    site.stubFor(get("/broken.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset><url><loc>" + origin + "/listed</loc></url><url")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--delay", "0", "--data", data.toString(), origin + "/");

    assertThat(run.err().lines().filter(line -> line.contains("sitemap"))).as(run.toString())
        .singleElement().asString().endsWith("sitemap " + origin + "/broken.xml, named in robots.txt of " + origin
            + ", breaks off (XML document structures must start and end within the same entity): the 1 URL before"
            + " the break is kept");
  }

  @Test
  void aSummaryOfOneOfEachSpeaksInTheSingular() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=/next>next</a> <a href=mailto:a@b>mail</a></body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--max-pages", "1", "--data", data.toString(),
        StubServer.url(site, "/"));

    assertThat(run.out()).as(run.toString())
        .contains("crawled 1 page (1 indexed)")
        .contains("skipped:   0 duplicates, 0 blocked by robots.txt, 1 non-http link\n")
        .contains("left:      1 URL queued (limit reached)");
  }

  @Test
  void aResumedRunSaysWhatEarlierRunsFetchedSinceItsSummaryCountsItsOwn() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=/a>a</a> <a href=/b>b</a></body></html>")));
    site.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>a</p>")));
    String[] args = {"crawl", "--max-pages", "1", "--delay", "0", "--data", data.toString(), StubServer.url(site, "/")};

    CommandLineRun first = CommandLineRun.of(args);
    CommandLineRun second = CommandLineRun.of(args);

    assertThat(first.err()).as(first.toString()).doesNotContain("resuming");
    assertThat(second.err()).as(second.toString())
        .contains("resuming the crawl in " + data + ": 1 URL fetched by earlier runs kept, 2 queued (--fresh starts over)");
    assertThat(second.out()).contains("crawled 1 page");
  }

  @Test
  void aResumedRunCountsAsFetchedOnlyWhatEarlierRunsFetchedNotWhatRobotsTxtDisallowed() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));
    String[] args = {"crawl", "--delay", "0", "--data", data.toString(), StubServer.url(site, "/"),
        StubServer.url(site, "/private/x")};

    CommandLineRun first = CommandLineRun.of(args);
    CommandLineRun second = CommandLineRun.of(args);

    assertThat(first.out()).as(first.toString()).contains("1 blocked by robots.txt");
    assertThat(second.err()).as(second.toString())
        .contains("resuming the crawl in " + data + ": 1 URL fetched by earlier runs kept, 0 queued (--fresh starts over)");
  }

  @Test
  void aResumeAfterAKillCountsThePagesTheKilledRunNeverCommittedAsQueuedNotKept() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=/a>a</a> <a href=/b>b</a></body></html>")));
    site.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>a</p>")));
    String[] args = {"crawl", "--max-pages", "2", "--delay", "0", "--data", data.toString(), StubServer.url(site, "/")};
    CommandLineRun first = CommandLineRun.of(args);
    assertThat(first.out()).as(first.toString()).contains("crawled 2 pages");
    // As a kill -9 leaves it: /a recorded as indexed after the index's last commit, so it is fetched again.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE urls SET seq = 999 WHERE url LIKE '%/a'");
    }

    CommandLineRun second = CommandLineRun.of(args);

    assertThat(second.err()).as(second.toString())
        .contains("resuming the crawl in " + data + ": 1 URL fetched by earlier runs kept, 2 queued (--fresh starts over)");
  }

  @Test
  void aSeedThatRedirectsOutOfTheScopeIsNamedWithWhatToCrawlInstead() {
    // As http://example.com/ to https://www.example.com/: a crawl of the seed's host ends at once.
    String elsewhere = "http://localhost:" + site.getPort() + "/home";
    site.stubFor(get("/").willReturn(aResponse().withStatus(301).withHeader("Location", elsewhere)));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("crawled 1 page (0 indexed)")
        .contains("note:      " + StubServer.url(site, "/") + " redirects to " + elsewhere
            + ", which --scope, --include or --exclude leave out: give that URL as the seed, or widen them\n");
  }

  @Test
  void aPrefixSeedThatMayBeAFolderWithoutItsSlashGetsAWarningNamingTheFolderItKeepsTo() {
    site.stubFor(get("/tutorial").willReturn(aResponse().withStatus(301).withHeader("Location", "/tutorial/")));
    site.stubFor(get("/tutorial/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>tutorial</body></html>")));

    CommandLineRun bare = CommandLineRun.of("crawl", "--scope", "prefix", "--data", data.resolve("a").toString(),
        StubServer.url(site, "/tutorial"));
    CommandLineRun slashed = CommandLineRun.of("crawl", "--scope", "prefix", "--data", data.resolve("b").toString(),
        StubServer.url(site, "/tutorial/"));

    assertThat(bare.err()).as(bare.toString()).contains("--scope prefix keeps to the folder of "
        + StubServer.url(site, "/tutorial") + ", which is " + StubServer.url(site, "/") + "; if "
        + StubServer.url(site, "/tutorial") + " is a folder, give " + StubServer.url(site, "/tutorial") + "/ to keep to it");
    assertThat(slashed.err()).as(slashed.toString()).doesNotContain("--scope prefix");
  }

  @Test
  void aRefreshOfAnUnchangedSiteSaysSoInTheSummary() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withHeader("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
        .withBody("<html><title>Home</title><body>quince</body></html>")));
    site.stubFor(get("/").atPriority(1)
        .withHeader("If-Modified-Since", equalTo("Tue, 01 Dec 2026 10:00:00 GMT"))
        .willReturn(aResponse().withStatus(304)));
    String seed = StubServer.url(site, "/");
    CommandLineRun.of("crawl", "--data", data.toString(), seed);

    CommandLineRun run = CommandLineRun.of("crawl", "--refresh", "--data", data.toString(), seed);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("statuses:  304: 1\n")
        .contains("refreshed: 1 unchanged (304 Not Modified), 0 removed from the index\n");
    assertThat(CommandLineRun.of("search", "--data", data.toString(), "quince").out()).contains(seed);
  }

  @Test
  void freshResumeAndRefreshExcludeEachOther() {
    CommandLineRun run = CommandLineRun.of("crawl", "--fresh", "--refresh", "--data", data.toString(),
        StubServer.url(site, "/"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: --fresh, --resume and --refresh contradict each other; give one\n");
  }
  @Test
  void aSeedInTheConfigThatIsNoHttpUrlNamesTheFileLineAndKeyAsOtherConfigErrorsDo() throws Exception {
    Path config = Files.writeString(data.resolve("sitepulse.yaml"),
        "crawl:\n  seeds:\n    - " + StubServer.url(site, "/") + "\n    - ftp://x/\n");

    CommandLineRun run = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: " + config + ":4:7: crawl.seeds[1]: seed is not an http(s) URL: ftp://x/\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aSeedWithAPortPast65535IsAUsageErrorNamingThePort() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), "http://127.0.0.1:99999/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: seed is on port 99999, outside 1 to 65535: http://127.0.0.1:99999/\n");
    assertThat(data.resolve("crawl.db")).doesNotExist();
  }

  @Test
  void aRefusedSeedIsNamedWithoutItsUserAndPassword() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), "http://ops:s3cret@127.0.0.1:99999/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "sitepulse: seed is on port 99999, outside 1 to 65535: http://127.0.0.1:99999/\n");
  }

  @Test
  void aSeedWhosePasswordHoldsAnAtSignIsCrawledAsPingChecksSuchAUrl() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>welcome</body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(),
        StubServer.url(site, "/").replace("http://", "http://ops:p@ss@"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
    assertThat(run.out()).contains("crawled 1 page (1 indexed)");
  }

  @Test
  void aSeedWrittenWithoutItsSchemeIsNamedWithoutItsUserAndPasswordToo() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), "ops:s3cret@127.0.0.1:8941/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: seed is not an http(s) URL: 127.0.0.1:8941/ (did you mean http://127.0.0.1:8941/?)\n");
  }

  @Test
  void aZeroTimeoutIsRefusedWithTheDurationWrittenAsADurationNotInIsoForm() throws Exception {
    Path config = Files.writeString(data.resolve("sitepulse.yaml"), "crawl:\n  timeout: 0s\n");

    CommandLineRun flag = CommandLineRun.of("crawl", "--timeout", "0s", StubServer.url(site, "/"));
    CommandLineRun file = CommandLineRun.of("crawl", "-c", config.toString(), StubServer.url(site, "/"));

    assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(3);
    assertThat(flag.err()).isEqualTo("sitepulse: --timeout must be positive, got 0ms\n");
    assertThat(file.err()).isEqualTo(
        "sitepulse: " + config + ":2:12: crawl.timeout: timeout must be positive, got 0ms\n");
  }

  @Test
  void aDataFolderFromTheConfigThatIsAFileNamesTheFileLineAndKeyNotTheFlag() throws Exception {
    Path taken = Files.writeString(data.resolve("notes.txt"), "mine");
    Path config = Files.writeString(data.resolve("data.yaml"), "crawl:\n  data: " + taken + "\n");
    Path inside = Files.writeString(data.resolve("inside.yaml"), "crawl:\n  max-pages: 1\n  data: " + taken.resolve("d") + "\n");
    String seed = StubServer.url(site, "/");

    CommandLineRun file = CommandLineRun.of("crawl", "-c", config.toString(), seed);
    CommandLineRun nested = CommandLineRun.of("crawl", "-c", inside.toString(), seed);
    CommandLineRun overridden = CommandLineRun.of("crawl", "-c", config.toString(), "--data",
        data.resolve("d").toString(), seed);

    assertThat(file.exitCode()).as(file.toString()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config + ":2:9: crawl.data: " + taken + " is a file, not a folder\n");
    assertThat(nested.exitCode()).as(nested.toString()).isEqualTo(3);
    assertThat(nested.err()).isEqualTo("sitepulse: " + inside + ":3:9: crawl.data: " + taken
        + " is a file, so " + taken.resolve("d") + " cannot be a folder in it\n");
    assertThat(overridden.exitCode()).as("--data given: the file's data is not used").isZero();
    assertThat(Files.readString(taken)).isEqualTo("mine");
  }

  @Test
  void aScopeRegexTypedWithoutScopeRegexIsRefusedNotIgnored() throws Exception {
    Path prefix = Files.writeString(data.resolve("prefix.yaml"), "crawl:\n  scope: prefix\n");
    Path waiting = Files.writeString(data.resolve("waiting.yaml"), "crawl:\n  scope-regex: /docs/\n");
    String seed = StubServer.url(site, "/");

    CommandLineRun alone = CommandLineRun.of("crawl", "--scope-regex", "/docs/", "--data", data.toString(), seed);
    CommandLineRun fileScope = CommandLineRun.of("crawl", "-c", prefix.toString(), "--scope-regex", "/docs/",
        "--data", data.toString(), seed);

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(3);
    assertThat(alone.err()).isEqualTo("sitepulse: --scope-regex is used only with --scope regex, and the scope is host\n");
    assertThat(fileScope.err()).isEqualTo("sitepulse: --scope-regex is used only with --scope regex, and the scope is prefix\n");
    site.verify(0, anyRequestedFor(anyUrl()));
    // One in the file may wait for a --scope regex that does not come: that is no mistake typed.
    CommandLineRun fromFile = CommandLineRun.of("crawl", "-c", waiting.toString(), "--max-pages", "1",
        "--data", data.toString(), seed);
    assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
  }

  @Test
  void aRegexScopeWithoutItsRegexNamesTheFileLineAndKeyFromAFileAndTheFlagFromTheCommandLine() throws Exception {
    Path config = Files.writeString(data.resolve("regex.yaml"), "crawl:\n  max-pages: 1\n  scope: regex\n");
    String seed = StubServer.url(site, "/");

    CommandLineRun file = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.toString(), seed);
    CommandLineRun flag = CommandLineRun.of("crawl", "--scope", "regex", "--data", data.toString(), seed);

    assertThat(file.exitCode()).as(file.toString()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config + ":3:10: crawl.scope: scope regex needs scope-regex\n");
    assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(3);
    assertThat(flag.err()).isEqualTo("sitepulse: scope regex needs --scope-regex\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aRegexScopeInTheFileTakesItsRegexFromTheCommandLine() throws Exception {
    Path config = Files.writeString(data.resolve("regex.yaml"), "crawl:\n  max-pages: 1\n  scope: regex\n");
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>home</body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "-c", config.toString(), "--scope-regex", "^http://127",
        "--data", data.resolve("d").toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("crawled 1 page (1 indexed)");
  }

  @Test
  void aUserAgentOkHttpWouldRefuseIsAUsageErrorNotACrawlThatNeverStarts() throws Exception {
    Path config = Files.writeString(data.resolve("ua.yaml"), "crawl:\n  user-agent: \"bot\\nx\"\n");

    CommandLineRun flag = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(),
        "--user-agent", "bot\u00e9", StubServer.url(site, "/"));
    CommandLineRun file = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.resolve("d").toString(),
        StubServer.url(site, "/"));

    assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(3);
    assertThat(flag.err()).isEqualTo("sitepulse: --user-agent is not a valid header value: unexpected char 0xe9 at 3\n");
    assertThat(file.exitCode()).as(file.toString()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config
        + ":2:15: crawl.user-agent: user-agent is not a valid header value: unexpected char 0x0a at 3\n");
  }

  @Test
  void aDataFolderNameWithANulIsAConfigErrorAtItsKey() throws Exception {
    Path config = Files.writeString(data.resolve("nul.yaml"), "crawl:\n  data: \"" + data + "/a\\0b\"\n");

    CommandLineRun run = CommandLineRun.of("crawl", "-c", config.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + config
        + ":2:9: crawl.data: data is not a folder name: Nul character not allowed\n");
  }

  @Test
  void anEmptyDataFolderOrUserAgentIsAUsageError() {
    CommandLineRun data = CommandLineRun.of("crawl", "--fresh", "--data", "", StubServer.url(site, "/"));
    CommandLineRun agent = CommandLineRun.of("crawl", "--data", this.data.resolve("d").toString(),
        "--user-agent=", StubServer.url(site, "/"));

    assertThat(data.exitCode()).as(data.toString()).isEqualTo(3);
    assertThat(data.err()).isEqualTo("sitepulse: --data must name a folder, got an empty value\n");
    assertThat(agent.exitCode()).as(agent.toString()).isEqualTo(3);
    assertThat(agent.err()).isEqualTo("sitepulse: --user-agent must not be empty\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aMaxBodyPastWhatAPageInMemoryCanHoldIsAUsageError() {
    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), "--max-body", "2GiB",
        StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: --max-body can be at most 1GiB, got 2GiB\n");
  }

  @Test
  void aDelayPastAnHourIsAUsageErrorNamingTheOptionOrTheFilesKeyAndTheBound() throws Exception {
    Path config = Files.writeString(data.resolve("delay.yaml"), "crawl:\n  delay: 2h\n");

    CommandLineRun flag = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), "--delay", "2h",
        StubServer.url(site, "/"));
    CommandLineRun file = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), "-c", config.toString(),
        StubServer.url(site, "/"));

    assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(3);
    assertThat(flag.err()).isEqualTo("sitepulse: --delay can be at most 1h, got 2h\n");
    assertThat(file.exitCode()).as(file.toString()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config + ":2:10: crawl.delay: delay can be at most 1h, got 2h\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aStripParamsEntryThatIsNoNameIsAUsageErrorNamingTheOptionOrTheFilesKey() throws Exception {
    Path config = Files.writeString(data.resolve("strip.yaml"), "crawl:\n  strip-params: [jsessionid, \"a=b\"]\n");

    CommandLineRun flag = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(),
        "--strip-params", "default,session id", StubServer.url(site, "/"));
    CommandLineRun file = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), "-c", config.toString(),
        StubServer.url(site, "/"));

    String rule = "strip-params takes parameter names (letters, digits, . _ ~ -, a * at the end for a prefix),"
        + " default or none, got ";
    assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(3);
    assertThat(flag.err()).isEqualTo("sitepulse: --" + rule + "\"session id\"\n");
    assertThat(file.exitCode()).as(file.toString()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config + ":2:17: crawl.strip-params: " + rule + "\"a=b\"\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aCrawlDbThatIsNoSqliteFileIsCalledSoInPlainWordsAndExit2() throws Exception {
    Files.writeString(data.resolve("crawl.db"), "notes, not a database\n");

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: " + data.resolve("crawl.db") + ": not an SQLite database\n");
  }

  @Test
  void aDataPathThatIsAFileIsAUsageErrorNamingIt() throws Exception {
    // Exit 3, as search, analyze, report and watch give it: a mistake in what was typed.
    Path file = Files.createFile(data.resolve("not-a-folder"));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", file.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + file + " is a file, and --data names a folder\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aDataPathInsideAFileIsAUsageErrorNamingTheFile() throws Exception {
    Path file = Files.createFile(data.resolve("not-a-folder"));
    Path inside = file.resolve("crawl");

    CommandLineRun run = CommandLineRun.of("crawl", "--data", inside.toString(), StubServer.url(site, "/"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo("sitepulse: " + file + " is a file, so --data " + inside + " cannot be a folder in it\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void headersFromTheConfigAndTheCommandLineGoWithEveryRequestTheTypedOneWinning() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>behind a login</body></html>")));
    Path config = Files.writeString(data.resolve("h.yaml"),
        "crawl:\n  headers:\n    Authorization: Bearer old\n    Accept-Language: fr\n");

    CommandLineRun run = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.resolve("d").toString(),
        "-H", "authorization:  Bearer new ", "--header", "X-Trace: 1", StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    site.verify(anyRequestedFor(anyUrl()).withUrl("/").withHeader("Authorization", equalTo("Bearer new"))
        .withHeader("Accept-Language", equalTo("fr")).withHeader("X-Trace", equalTo("1")));
  }

  @Test
  void aHeaderWithoutAColonOrOneTheCrawlSetsItselfIsAUsageErrorThatQuotesIt() throws Exception {
    Path config = Files.writeString(data.resolve("h.yaml"), "crawl:\n  headers:\n    Range: bytes=0-9\n");

    CommandLineRun noColon = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(),
        "-H", "Bearer s3cret", StubServer.url(site, "/"));
    CommandLineRun own = CommandLineRun.of("links", "-H", "User-Agent: me", StubServer.url(site, "/"));
    CommandLineRun escaped = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(),
        "-H", "X-A: a\u001b[31m", StubServer.url(site, "/"));
    CommandLineRun file = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.resolve("d").toString(),
        StubServer.url(site, "/"));

    assertThat(noColon.exitCode()).isEqualTo(3);
    assertThat(noColon.err()).isEqualTo("sitepulse: --header expected NAME: VALUE, got 'Bearer s3cret'\n");
    assertThat(own.exitCode()).isEqualTo(3);
    assertThat(own.err()).isEqualTo("sitepulse: --header User-Agent: me: User-Agent cannot be set: give it as"
        + " user-agent (--user-agent), which robots.txt is matched against\n");
    assertThat(escaped.err()).isEqualTo(
        "sitepulse: --header X-A: a\\u001b[31m: not a valid header value: unexpected char 0x1b at 1\n");
    assertThat(file.exitCode()).isEqualTo(3);
    assertThat(file.err()).isEqualTo("sitepulse: " + config
        + ":3:5: crawl.headers.Range: Range cannot be set: the crawl reads whole pages, up to max-body\n");
    assertThat(site.getAllServeEvents()).isEmpty();
  }

  @Test
  void pagesThatAnswer401WithoutCredentialsSayHowToSendThem() {
    site.stubFor(get("/").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), StubServer.url(site, "/"));
    CommandLineRun withToken = CommandLineRun.of("crawl", "--data", data.resolve("t").toString(),
        "-H", "Authorization: Bearer wrong", StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("statuses:  401: 1\n");
    assertThat(run.err()).as(run.toString()).endsWith("sitepulse: 1 page answered 401 Unauthorized: a site behind a"
        + " login takes its credentials with -H 'Authorization: Bearer TOKEN' or -H 'Cookie: NAME=VALUE'\n");
    assertThat(withToken.err()).as(withToken.toString()).doesNotContain("401");
  }

  @Test
  void aSeedsUserAndPasswordThatTheSiteRefusesAreSaidToBeRefusedInOneLineWithoutThePassword() {
    site.stubFor(get("/").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic")));
    String seed = StubServer.url(site, "/").replace("http://", "http://ops:secret@");

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), seed);
    CommandLineRun links = CommandLineRun.of("links", seed);

    site.verify(getRequestedFor(urlEqualTo("/")).withHeader("Authorization", equalTo("Basic b3BzOnNlY3JldA==")));
    site.verify(0, getRequestedFor(urlEqualTo("/")).withHeader("Authorization", absent()));
    String said = "answered 401 Unauthorized; the user and password in the seed went as Basic authorization to "
        + StubServer.url(site, "") + " only: check them\n";
    assertThat(run.err()).as(run.toString()).endsWith("sitepulse: 1 page " + said);
    assertThat(links.err()).as(links.toString()).endsWith("sitepulse: 1 target " + said);
    assertThat(links.exitCode()).isEqualTo(2);
    assertThat(run + " " + links).doesNotContain("secret");
  }

  @Test
  void aRunThatEndsBeforeItsPageLimitAsRobotsTxtDisallowedTheUrlsAheadDoesNotSayTheLimitWasReached() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><body><a href=/private/a>a</a><a href=/private/b>b</a><a href=/pub/c>c</a><a href=/pub/d>d</a>"
            + "<a href=/pub/e>e</a></body></html>")));

    CommandLineRun run = CommandLineRun.of("crawl", "--data", data.resolve("d").toString(), "--delay", "0",
        "--max-pages", "3", StubServer.url(site, "/"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).contains("3 URL(s) were left queued as past what --max-pages 3 could reach")
        .contains("this run started 1 of its 3 fetches");
    assertThat(run.out()).as(run.toString()).contains("left:      3 URLs queued (3 past what --max-pages could"
        + " reach, which the URLs queued before them left unused); run again to continue\n");
  }

  @Test
  void linksPastMaxLinksPerPageAreCountedInCrawlsSummaryAndNamedByLinksAsNotChecked() throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><body><a href=/a>a</a><a href=/b>b</a><a href=/gone>gone</a></body></html>")));
    site.stubFor(get(urlMatching("/[ab]")).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>page</body></html>")));
    Path config = Files.writeString(data.resolve("c.yaml"), "crawl:\n  max-links-per-page: 2\n");

    CommandLineRun crawl = CommandLineRun.of("crawl", "-c", config.toString(), "--data", data.resolve("d").toString(),
        "--delay", "0", StubServer.url(site, "/"));
    CommandLineRun links = CommandLineRun.of("links", "--max-links-per-page", "2", "--delay", "0",
        StubServer.url(site, "/"));

    assertThat(crawl.out()).as(crawl.toString())
        .contains("cut:       1 link on 1 page past --max-links-per-page 2: not followed or recorded\n");
    assertThat(links.exitCode()).as("no broken link among those checked, as with --max-body").isZero();
    assertThat(links.out()).as(links.toString()).contains("; 1 page with links past --max-links-per-page: those not checked");
    assertThat(links.err()).as(links.toString()).contains("sitepulse: 1 page with links past --max-links-per-page:"
        + " those not checked (raise --max-links-per-page, or 0 for no cap, to check them): " + StubServer.url(site, "/"));
    site.verify(0, getRequestedFor(urlEqualTo("/gone")));
  }
}
