package dev.sitepulse.cli.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.pinger.DataDirLock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse search` (in-process) over a one-page crawl, and over indexes that cannot answer. */
class SearchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static WireMockExtension site = StubServer.empty();
  @RegisterExtension static WireMockExtension unreadableRobots = StubServer.empty();

  @TempDir static Path crawled;

  @BeforeAll
  static void crawlOnePage() {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", crawled.toString(), StubServer.url(site, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
  }

  private static CommandLineRun search(Path data, String query) {
    return CommandLineRun.of("search", "--data", data.toString(), query);
  }

  @Test
  void anIndexWithNothingCommittedYetAsInACrawlsFirstSecondsIsOneLineAndExit3(@TempDir Path data)
      throws Exception {
    Files.createDirectories(data.resolve("index"));

    CommandLineRun run;
    try (DataDirLock crawling = DataDirLock.acquire(data, "crawl")) {
      run = search(data, "install");
    }

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: nothing in " + data + " is searchable yet: its crawl "
        + "has not committed its first pages; try again in a few seconds\n");
  }

  @Test
  void anIndexWithNothingCommittedWhoseCrawlEndedSaysToCrawlAgain(@TempDir Path data) throws Exception {
    // A crawl stopped in its first seconds, before its first commit: it will not come by waiting.
    Files.createDirectories(data.resolve("index"));

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(indexedNoPage(data));
  }

  @Test
  void anIndexOfACrawlThatRanToItsEndIndexingNothingSaysSoNotThatItStoppedEarly(@TempDir Path data) {
    // robots.txt answered 500: the crawl fetched nothing, left its seed queued and committed no page.
    unreadableRobots.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(500)));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), "--delay", "0",
        StubServer.url(unreadableRobots, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isEqualTo(2);

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(indexedNoPage(data));
  }

  private static String indexedNoPage(Path data) {
    return "sitepulse: nothing in " + data + " is searchable: its crawl ended having indexed no page (the summary"
        + " it printed says why); run it again: sitepulse crawl --data " + data + " SEED\n";
  }

  @Test
  void aDataFolderThatIsAFileIsNamedAsOneRatherThanSentToACrawlThatWouldRefuseIt(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder\n");

    CommandLineRun run = search(file, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no index in " + file + ": it is a file, and --data names a crawl's folder\n");
  }

  @Test
  void anIndexThatIsAFileIsNamedAsOneAndExit2RatherThanSentToACrawl(@TempDir Path data) throws Exception {
    Path index = Files.writeString(data.resolve("index"), "not an index\n");

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: " + index + " is a file, not an index folder\n");
  }

  @Test
  void aLinkChecksFolderIsNamedAsSuchWithACommandThatBuildsAnIndexThere(@TempDir Path data) {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun links = CommandLineRun.of("links", "--data", data.toString(), StubServer.url(site, "/"));
    assertThat(links.exitCode()).as(links.toString()).isZero();

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + data + " holds a link check's crawl.db (sitepulse links"
        + " --data) and no index; build one with sitepulse crawl --fresh --data " + data + " SEED\n");
    CommandLineRun suggested = CommandLineRun.of("crawl", "--fresh", "--data", data.toString(), StubServer.url(site, "/"));
    assertThat(suggested.exitCode()).as(suggested.toString()).isZero();
  }

  @Test
  void aDamagedIndexIsOneLineNamingItAndExit2(@TempDir Path data) throws Exception {
    Files.writeString(Files.createDirectories(data.resolve("index")).resolve("segments_1"), "junk\n");

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("sitepulse: cannot open index " + data.resolve("index") + ": ")
        .hasLineCount(1).hasSizeLessThan(200);
  }

  @Test
  void anIndexWhoseSegmentsFileWasDeletedWithNoCrawlDbToResumeFromIsDamagedAndExit2(@TempDir Path data)
      throws Exception {
    // With crawl.db's pages, running the crawl again mends it (IndexNotCommittedTest); without, --fresh.
    Path index = crawledWithoutCommitPoint(data);
    Files.delete(data.resolve("crawl.db"));

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: cannot open index " + index + ": damaged: segment files without"
        + " a commit point (segments_N missing); crawl again with --fresh to rebuild it\n");
  }

  @Test
  void segmentFilesWithoutACommitPointWhileACrawlRunsAreItsFirstCommitOnItsWayAndExit3(@TempDir Path data)
      throws Exception {
    // A crawl's first commit writes its segment files before segments_N.
    crawledWithoutCommitPoint(data);

    CommandLineRun run;
    try (DataDirLock crawling = DataDirLock.acquire(data, "crawl")) {
      run = search(data, "install");
    }

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("has not committed its first pages; try again in a few seconds");
  }

  private static Path crawledWithoutCommitPoint(Path data) throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
    Path index = data.resolve("index");
    try (var files = Files.list(index)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(f);
      }
    }
    return index;
  }

  @Test
  void aPageWhoseStoredTextWasOverwrittenIsOneLineSayingTheIndexIsDamagedAndExit2(@TempDir Path data)
      throws Exception {
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Install guide</title><body><p>How to install the tool.</p></body></html>")));
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/"));
    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
    // Stored text is kept as written: the byte before it is its length, and 0xFF reads past its chunk.
    Path segment;
    try (var files = Files.list(data.resolve("index"))) {
      segment = files.filter(f -> f.toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf("How to install the tool.") - 1] = (byte) 0xFF;
    Files.write(segment, bytes);

    CommandLineRun run = search(data, "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: cannot search index " + data.resolve("index") + ": damaged:"
        + " checksum failed (" + segment.getFileName() + "); crawl again with --fresh to rebuild it\n");
  }

  @Test
  void aQueryWordThatStartsWithAMinusIsAWordOfTheQueryNotAnUnknownOption() {
    CommandLineRun alone = CommandLineRun.of("search", "--data", crawled.toString(), "-title:changelog");
    CommandLineRun after = CommandLineRun.of("search", "--data", crawled.toString(), "install", "-title:guide");
    CommandLineRun typo = CommandLineRun.of("search", "--data", crawled.toString(), "--limt", "3", "install");

    assertThat(alone.exitCode()).as(alone.toString()).isZero();
    assertThat(alone.out()).contains("1 of 1 hit for -title:changelog in ");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).startsWith("0 of 0 hits for install -title:guide in ");
    assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(3);
    assertThat(typo.err()).isEqualTo("sitepulse: Unknown option: '--limt' (did you mean --limit?)\n"
        + "Try 'sitepulse search --help' for more information.\n"); // as every command's unknown option
  }

  @Test
  void aQueryWordWithTwoDashesThatNamesNoOptionIsRefusedWithHowToSearchForIt() {
    // --enable-optimizations is a word of the Python docs; picocli said only "Missing required parameter: 'QUERY'".
    CommandLineRun alone = CommandLineRun.of("search", "--data", crawled.toString(), "--enable-optimizations");
    CommandLineRun withWord = CommandLineRun.of("search", "--data", crawled.toString(), "install", "--with-lto");
    CommandLineRun escaped = CommandLineRun.of("search", "--data", crawled.toString(), "--", "--enable-optimizations");

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(3);
    assertThat(alone.err()).isEqualTo("sitepulse: Unknown option: '--enable-optimizations'"
        + " (to search for it, put -- before the query: sitepulse search --data " + crawled
        + " -- --enable-optimizations)\n"
        + "Try 'sitepulse search --help' for more information.\n");
    assertThat(withWord.exitCode()).as(withWord.toString()).isEqualTo(3);
    assertThat(withWord.err()).startsWith("sitepulse: Unknown option: '--with-lto'"
        + " (to search for it, put -- before the query: sitepulse search --data " + crawled
        + " -- install --with-lto)\n");
    assertThat(escaped.exitCode()).as(escaped.toString()).isZero();
    assertThat(escaped.out()).contains(" for --enable-optimizations in ");
    // The advice keeps the options given; an option without its value is the error said.
    CommandLineRun withLimit = CommandLineRun.of("search", "--data", crawled.toString(), "--with-lto", "x", "--limit", "5");
    CommandLineRun noValue = CommandLineRun.of("search", "--data", crawled.toString(), "--with-lto", "--limit");
    assertThat(withLimit.err()).startsWith("sitepulse: Unknown option: '--with-lto' (to search for it, put --"
        + " before the query: sitepulse search --data " + crawled + " --limit 5 -- --with-lto x)\n");
    assertThat(noValue.exitCode()).as(noValue.toString()).isEqualTo(3);
    assertThat(noValue.err()).startsWith("sitepulse: Missing required parameter for option '--limit'");
  }

  @Test
  void aQueryWordThatStartsWithTheLetterOfAShortOptionIsAWordOfTheQueryNotThatOption() {
    // -host:x is -h with "ost:x" to picocli's clustered short options: it printed the help, exit 0.
    CommandLineRun host = CommandLineRun.of("search", "--format", "json", "--data", crawled.toString(),
        "install", "-host:example.org");
    CommandLineRun version = CommandLineRun.of("search", "--data", crawled.toString(), "install", "-Version");
    CommandLineRun vague = CommandLineRun.of("search", "--data", crawled.toString(), "install", "-vague");

    assertThat(host.exitCode()).as(host.toString()).isZero();
    assertThat(host.out()).startsWith("{").contains("\"query\":\"install -host:example.org\"");
    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.out()).contains(" for install -Version in ");
    assertThat(vague.exitCode()).as(vague.toString()).isZero();
    assertThat(vague.out()).contains(" for install -vague in ");
    // The options themselves still work, and one missing its value at the end says so.
    assertThat(CommandLineRun.of("search", "-h").out()).startsWith("Usage: sitepulse search");
    CommandLineRun noLimit = CommandLineRun.of("search", "--data", crawled.toString(), "install", "--limit");
    assertThat(noLimit.exitCode()).isEqualTo(3);
    assertThat(noLimit.err()).startsWith("sitepulse: Missing required parameter for option '--limit' (N)\n");
  }

  @Test
  void afterTheEndOfOptionsAWordThatStartsWithTwoMinusesIsAWordOfTheQuery() {
    CommandLineRun run = CommandLineRun.of("search", "--data", crawled.toString(), "--", "--verbose", "install");

    // Read as the query, a long option's text and a word: not the option, which logs to stderr.
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(" for --verbose install in ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aMisspeltQueryThatFindsNothingEndsWithTheCorrectedQueryAndExit0() {
    CommandLineRun run = search(crawled, "instll");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("0 of 0 hits for instll in ").endsWith(" ms\ndid you mean: install\n");
  }

  @Test
  void aFilterValueNoPageHasIsOneLineOnStderrNamingWhatTheIndexHoldsAndExit0() throws Exception {
    String host = URI.create(StubServer.url(site, "/")).getRawAuthority();

    CommandLineRun table = search(crawled, "host:python install");
    CommandLineRun json = CommandLineRun.of("search", "--data", crawled.toString(), "--format", "json", "lang:english");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).startsWith("0 of 0 hits for host:python install in ");
    assertThat(table.err()).isEqualTo("sitepulse: no page has host \"python\" (hosts here: " + host + ")\n");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(JSON.readTree(json.out()).get("total_hits").asLong()).isZero();
    assertThat(json.err()).startsWith("sitepulse: no page has lang \"english\" (");
  }

  @Test
  void anOffsetPassesOverTheBestHitsAndJsonRanksTheRestFromThere() throws Exception {
    CommandLineRun first = CommandLineRun.of("search", "--data", crawled.toString(), "--format", "json", "install");
    CommandLineRun past = CommandLineRun.of("search", "--data", crawled.toString(), "--format", "json",
        "--offset", "1", "install");

    JsonNode firstPage = JSON.readTree(first.out());
    assertThat(firstPage.get("offset").asInt()).isZero();
    assertThat(firstPage.get("hits").get(0).get("rank").asInt()).isEqualTo(1);
    JsonNode secondPage = JSON.readTree(past.out());
    assertThat(past.exitCode()).as(past.toString()).isZero();
    assertThat(secondPage.get("offset").asInt()).isEqualTo(1);
    assertThat(secondPage.get("total_hits").asInt()).isEqualTo(1);
    assertThat(secondPage.get("hits")).isEmpty();
  }

  @Test
  void aNegativeOffsetIsOneLineAndExit3() {
    CommandLineRun run = CommandLineRun.of("search", "--data", crawled.toString(), "--offset", "-1", "install");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: --offset must be 0 or more, got -1\n");
  }

  @Test
  void jsonSaysTheCorrectedQueryAndNullForAQueryWhoseWordsAreAllOnSomePage() throws Exception {
    CommandLineRun misspelt = CommandLineRun.of("search", "--data", crawled.toString(), "--format", "json", "instll");
    CommandLineRun found = CommandLineRun.of("search", "--data", crawled.toString(), "--format", "json", "install");

    assertThat(misspelt.exitCode()).as(misspelt.toString()).isZero();
    JsonNode none = JSON.readTree(misspelt.out());
    assertThat(none.get("total_hits").asLong()).isZero();
    assertThat(none.get("did_you_mean").asText()).isEqualTo("install");
    JsonNode some = JSON.readTree(found.out());
    assertThat(some.get("total_hits").asLong()).isEqualTo(1);
    assertThat(some.get("did_you_mean").isNull()).isTrue();
    assertThat(some.get("hits").get(0).get("site").isNull()).as("one page names no site").isTrue();
  }

  @Test
  void aCrawlThatIndexedNoPageAnswersEveryQueryWithNoHitsAndExit0(@TempDir Path data) throws Exception {
    // Its one page 404'd: the index has a commit and no document, and a search of it failed, exit 2.
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), StubServer.url(site, "/gone.html"));
    assertThat(crawl.out()).as(crawl.toString()).contains("404");

    CommandLineRun word = search(data, "install");
    CommandLineRun name = search(data, "os.path.join");
    CommandLineRun json = CommandLineRun.of("search", "--data", data.toString(), "--format", "json", "install");

    assertThat(word.exitCode()).as(word.toString()).isZero();
    assertThat(word.out()).startsWith("0 of 0 hits for install in ");
    assertThat(word.err()).isEmpty();
    assertThat(name.exitCode()).as(name.toString()).isZero();
    assertThat(name.out()).startsWith("0 of 0 hits for os.path.join in ");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode none = JSON.readTree(json.out());
    assertThat(none.get("total_hits").asLong()).isZero();
    assertThat(none.get("hits")).isEmpty();
  }

  @Test
  void aRegularExpressionLuceneRefusesIsOneLineAndExit3() {
    CommandLineRun run = search(crawled, "title:/re[/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot parse query \"title:/re[/\": "
        + "regular expression /re[/: unexpected end-of-string at column 11\n");
  }
}
