package dev.sitepulse.cli.ping;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitepulse ping} run in-process against the WireMock stubs: exit codes, stdin and bad input. */
class PingCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  @TempDir Path dir;

  @Test
  void allTargetsUpExitsZero() {
    CommandLineRun run = ping("--format", "jsonl", url("/status/200"), url("/status/204"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(verdicts(run)).containsOnly("UP").hasSize(2);
  }

  @Test
  void aSlowTargetWithALatencyConditionIsDegradedAndExitsOne() throws IOException {
    Path config = config("""
        targets:
          - name: slow
            url: %s
            conditions:
              - "[STATUS] == 200"
              - "[RESPONSE_TIME] < 100"
        """.formatted(url("/status/200?sleep=300")));

    CommandLineRun run = ping("--format", "jsonl", "-c", config.toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    JsonNode result = lines(run).get(0);
    assertThat(result.get("name").asText()).isEqualTo("slow");
    assertThat(result.get("verdict").asText()).isEqualTo("DEGRADED");
    assertThat(result.get("status").asInt()).isEqualTo(200);
  }

  @Test
  void aConditionNoResponseCanMeetIsANoteMarkedAsAWarningSoItReadsAsNoFatalError() throws IOException {
    Path config = config("""
        targets:
          - name: t
            url: %s
            conditions:
              - "[STATUS] > 999"
        """.formatted(url("/status/200")));

    CommandLineRun run = ping("--format", "jsonl", "-c", config.toString(), url("/status/200"), url("/status/200"));

    assertThat(run.err()).as("%s", run).isEqualTo(
        "sitepulse: warning: " + config + ":5:9: targets[0].conditions[0] (target \"t\"): condition \"[STATUS] > 999\""
            + " can never hold: [STATUS] is never above 999\n"
        + "sitepulse: " + url("/status/200") + " given twice; checked once\n");
  }

  @Test
  void aFailedStatusIsDownAndExitsTwo() {
    CommandLineRun run = ping("--format", "jsonl", url("/status/500"));

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    JsonNode result = lines(run).get(0);
    assertThat(result.get("verdict").asText()).isEqualTo("DOWN");
    assertThat(result.get("status").asInt()).isEqualTo(500);
  }

  @Test
  void aServerSlowerThanTheTimeoutIsTimeoutAndExitsTwo() {
    CommandLineRun run = ping("--format", "jsonl", "--timeout", "200ms", url("/status/200?sleep=1000"));

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    JsonNode result = lines(run).get(0);
    assertThat(result.get("verdict").asText()).isEqualTo("TIMEOUT");
    assertThat(result.get("status").isNull()).isTrue();
  }

  @Test
  void aRefusedConnectionIsAnErrorAndExitsTwo() {
    CommandLineRun run = ping("--format", "jsonl", "http://127.0.0.1:1/");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    JsonNode result = lines(run).get(0);
    assertThat(result.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(result.get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
  }

  @Test
  void theWorstVerdictDecidesTheExitCode() throws IOException {
    Path config = config("""
        targets:
          - url: %s
          - url: %s
            conditions: ["[RESPONSE_TIME] < 100"]
          - url: %s
        """.formatted(url("/status/200"), url("/status/200?sleep=300"), url("/status/404")));

    CommandLineRun run = ping("--format", "jsonl", "-c", config.toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(verdicts(run)).containsExactlyInAnyOrder("UP", "DEGRADED", "DOWN");
  }

  @Test
  void aUrlThatIsNoUrlIsAnInvalidUrlErrorNotACrash() {
    CommandLineRun run = ping("--format", "jsonl", "not a url", url("/status/200"));

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    JsonNode bad = lines(run).stream()
        .filter(r -> r.get("url").asText().equals("not a url")).findFirst().orElseThrow();
    assertThat(bad.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(bad.get("error_kind").asText()).isEqualTo("INVALID_URL");
    assertThat(bad.get("message").asText()).isNotBlank();
    assertThat(verdicts(run)).containsExactlyInAnyOrder("ERROR", "UP");
  }

  @Test
  void aDashReadsUrlsFromStdinSkippingBlankLinesAndComments() {
    String stdin = "# targets for the test\n"
        + url("/status/200") + "\n"
        + "\n"
        + "   \n"
        + "  " + url("/status/201") + "  \n"
        + "   # an indented comment\n"
        + url("/status/404") + "\n";

    CommandLineRun run = CommandLineRun.withStdin(stdin, "ping", "--format", "jsonl", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(lines(run)).extracting(r -> r.get("url").asText())
        .containsExactlyInAnyOrder(url("/status/200"), url("/status/201"), url("/status/404"));
    assertThat(lines(run)).extracting(r -> r.get("verdict").asText())
        .containsExactlyInAnyOrder("UP", "UP", "DOWN");
  }

  @Test
  void stdinUrlsJoinThoseGivenAsArguments() {
    CommandLineRun run = CommandLineRun.withStdin(
        url("/status/201") + "\n", "ping", "--format", "jsonl", url("/status/200"), "-");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(lines(run)).extracting(r -> r.get("status").asInt()).containsExactlyInAnyOrder(200, 201);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertUsageError(ping("--bogus", url("/status/200")), "--bogus");
  }

  @Test
  void aBadTimeoutIsAUsageErrorQuotingIt() {
    assertUsageError(ping("--timeout", "10x", url("/status/200")), "\"10x\" is not a duration");
  }

  @Test
  void aNegativeTimeoutIsAUsageErrorSayingItIsNegative() throws IOException {
    assertUsageError(ping("--timeout", "-1s", url("/status/200")), "\"-1s\" is negative: a duration cannot be");
    Path config = config("""
        defaults:
          timeout: -5s
        targets:
          - url: %s
        """.formatted(url("/status/200")));

    CommandLineRun run = ping("-c", config.toString());

    assertUsageError(run, config + ":2:");
    assertThat(run.err()).contains("defaults.timeout: \"-5s\" is negative: a duration cannot be (use e.g. 5s)");
  }

  @Test
  void aBadRateIsAUsageErrorQuotingIt() {
    assertUsageError(ping("--rate", "fast", url("/status/200")), "\"fast\" is not a rate");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheChoices() {
    assertUsageError(ping("--format", "xml", url("/status/200")),
        "expected one of table, json, jsonl, csv, prometheus, nagios, got \"xml\"");
  }

  @Test
  void aConcurrencyOfZeroIsAUsageError() {
    assertUsageError(ping("--concurrency", "0", url("/status/200")), "--concurrency must be at least 1, got 0");
  }

  @Test
  void aNegativeRetryCountIsAUsageError() {
    assertUsageError(ping("--retries", "-1", url("/status/200")), "--retries must be 0 to 10, got -1");
  }

  @Test
  void tenRetriesAreTakenButElevenAreAUsageError() {
    CommandLineRun run = ping("--format", "jsonl", "--retries", "10", url("/status/200"));
    assertThat(run.exitCode()).as("%s", run).isZero();

    assertUsageError(ping("--retries", "11", url("/status/200")), "--retries must be 0 to 10, got 11");
  }

  @Test
  void aZeroTimeoutIsAUsageError() {
    assertUsageError(ping("--timeout", "0s", url("/status/200")), "--timeout must be positive");
  }

  @Test
  void aNegativeRedirectLimitIsAUsageError() {
    assertUsageError(ping("--max-redirects", "-1", url("/status/200")), "--max-redirects must be 0 or more");
  }

  @Test
  void aRedirectLimitPastAHundredIsAUsageErrorNotHopsUntilTheTimeout() {
    assertUsageError(ping("--max-redirects", "1000000", url("/status/200")), "--max-redirects must be at most 100, got 1000000");
  }

  @Test
  void aBodyLimitPastOneGibibyteIsAUsageErrorAsForACrawl() {
    assertUsageError(ping("--max-body", "3GiB", url("/status/200")), "max-body can be at most 1GiB, got 3GiB");
  }

  @Test
  void aCircuitBreakerOpenForLessThanAMillisecondIsAUsageErrorNotAnInternalOne() {
    assertUsageError(ping("--circuit-breaker", "3/1ns", url("/status/200")), "open-for must be at least 1ms, got 1ns");
  }

  @Test
  void noTargetsIsAUsageError() {
    assertUsageError(ping(), "no targets");
  }

  @Test
  void aConfigWithoutTargetsAndNoUrlsIsAUsageErrorNamingTheFile() throws IOException {
    Path config = config("""
        defaults:
          timeout: 2s
        targets:
        #  - url: http://127.0.0.1/
        """);

    CommandLineRun run = ping("-c", config.toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no targets: " + config
        + " has none under targets:; add some, or give URLs, or - to read URLs from stdin\n");
  }

  @Test
  void anEmptyStdinIsNoTargets() {
    assertUsageError(CommandLineRun.withStdin("# nothing\n\n", "ping", "-"), "no targets");
  }

  @Test
  void anEmptyStdinIsNamedAsWhereNoUrlsCameFromRatherThanAdvisingTheDashThatWasGiven() {
    CommandLineRun run = CommandLineRun.withStdin("# nothing\n\n", "ping", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no targets: stdin (-) gave no URLs (blank lines and # comments"
        + " are skipped); pipe in one URL a line, or give URLs\n");
  }

  @Test
  void aStdinThatCannotBeReadIsAUsageErrorInOneLine() {
    InputStream folder = new InputStream() { // what `sitepulse ping - < some-folder` reads
      @Override
      public int read() throws IOException {
        throw new IOException("Is a directory");
      }
    };

    CommandLineRun run = CommandLineRun.withStdin(folder, "ping", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot read URLs from stdin: Is a directory\n");
  }

  @Test
  void aStdinThatNeverEndsIsAUsageErrorOnceItPassesTheLimitNotReadUntilTheMemoryRunsOut() {
    InputStream zeros = new InputStream() { // what `sitepulse ping - < /dev/zero` reads
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 0);
        return len;
      }
    };

    CommandLineRun run = CommandLineRun.withStdin(zeros, "ping", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot read URLs from stdin: it goes on past 64 MB,"
        + " which no list of URLs does\n");
  }

  @Test
  void aConfigErrorIsAUsageErrorNamingFileLineAndKey() throws IOException {
    Path config = config("""
        defaults:
          timeout: 10x
        targets:
          - url: %s
        """.formatted(url("/status/200")));

    CommandLineRun run = ping("-c", config.toString());

    assertUsageError(run, config + ":2:");
    assertThat(run.err()).contains("defaults.timeout").contains("\"10x\" is not a duration");
    assertThat(stubs.getAllServeEvents()).as("nothing is checked").isEmpty();
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    assertUsageError(ping("-c", dir.resolve("absent.yaml").toString()), "absent.yaml");
  }

  @Test
  void aCommandLineOptionOverridesTheConfigDefault() throws IOException {
    Path config = config("""
        defaults:
          timeout: 10s
        targets:
          - url: %s
        """.formatted(url("/status/200?sleep=1000")));

    CommandLineRun run = ping("--format", "jsonl", "--timeout", "200ms", "-c", config.toString());

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(verdicts(run)).containsExactly("TIMEOUT");
  }

  private static CommandLineRun ping(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "ping";
    System.arraycopy(args, 0, all, 1, args.length);
    return CommandLineRun.of(all);
  }

  /** Exit 3, nothing checked or printed to stdout, and one line naming the problem on stderr. */
  private static void assertUsageError(CommandLineRun run, String problem) {
    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.out()).as("%s", run).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as("%s", run).isNotEmpty();
    assertThat(lines.get(0)).startsWith("sitepulse: ").contains(problem);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static String url(String path) {
    return StubServer.url(stubs, path);
  }

  @Test
  void typedHeadersAndUserAgentGoWithEveryCheckOverTheDefaultsAndATargetsOwnHeaderWins() throws IOException {
    Path config = config("""
        defaults:
          headers:
            X-Team: ops
            X-Env: staging
        targets:
          - name: own
            url: %s
            headers:
              X-Env: canary
        """.formatted(url("/status/200?t=own")));

    CommandLineRun run = ping("--format", "jsonl", "-c", config.toString(), "-H", "x-env: prod", "--header",
        "X-Trace:1", "--user-agent", "probe/2", url("/status/200?t=typed"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    LoggedRequest typed = stubs.findAll(getRequestedFor(urlEqualTo("/status/200?t=typed"))).get(0);
    assertThat(typed.getHeader("X-Team")).isEqualTo("ops");
    assertThat(typed.getHeader("X-Env")).isEqualTo("prod");
    assertThat(typed.getHeader("X-Trace")).isEqualTo("1");
    assertThat(typed.getHeader("User-Agent")).isEqualTo("probe/2");
    LoggedRequest own = stubs.findAll(getRequestedFor(urlEqualTo("/status/200?t=own"))).get(0);
    assertThat(own.getHeader("X-Env")).isEqualTo("canary");
    assertThat(own.getHeader("X-Trace")).isEqualTo("1");
  }

  @Test
  void aTypedHeaderOrUserAgentOkHttpWouldRefuseIsAUsageErrorQuotingIt() {
    CommandLineRun noColon = ping("-H", "Bearer x", url("/status/200"));
    CommandLineRun badValue = ping("-H", "X-A: caf\u00e9", url("/status/200"));
    CommandLineRun badAgent = ping("--user-agent", "bot\u0001", url("/status/200"));

    assertThat(noColon.exitCode()).isEqualTo(3);
    assertThat(noColon.err()).isEqualTo("sitepulse: --header expected NAME: VALUE, got 'Bearer x'\n");
    assertThat(badValue.err()).isEqualTo("sitepulse: --header X-A: caf\u00e9: not a valid header value: unexpected char 0xe9 at 3\n");
    assertThat(badAgent.err()).isEqualTo("sitepulse: --user-agent is not a valid header value: unexpected char 0x01 at 3\n");
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("sitepulse.yaml"), yaml);
  }

  private static List<JsonNode> lines(CommandLineRun run) {
    return run.out().lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON line: " + line, e);
      }
    }).toList();
  }

  private static List<String> verdicts(CommandLineRun run) {
    return lines(run).stream().map(r -> r.get("verdict").asText()).toList();
  }
}
