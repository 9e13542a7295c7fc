package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.Thresholds;
import dev.sitepulse.pinger.watch.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch: section and intervals as a user writes them, and each kind of mistake. */
class WatchConfigTest {

  private static final String FILE = "watch.yaml";

  @TempDir Path dir;

  private static WatchSettings settings(String yaml) {
    return WatchSettings.from(SitepulseConfig.read(yaml, FILE, Map.of()), FILE, null, null);
  }

  private static AbstractStringAssert<?> assertConfigError(String yaml) {
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> settings(yaml));
    assertThat(e).isInstanceOf(ConfigException.class);
    assertThat(e.getMessage()).doesNotContain("\n");
    return assertThat(e.getMessage());
  }

  @Test
  void everyWatchSettingIsReadAndIntervalsFallBackToTheDefaultsThenSixtySeconds() {
    WatchSettings s = settings("""
        defaults:
          interval: 30s
        targets:
          - name: a
            url: http://127.0.0.1/a
          - name: b
            url: http://127.0.0.1/b
            interval: 5s
        watch:
          listen: 127.0.0.1:9400
          data: /var/lib/sitepulse
          retention: 7d
          failure-threshold: 5
          success-threshold: 1
          reminder: 30m
          webhooks:
            - url: https://hooks.example.com/x
              format: slack
              timeout: 2s
              retries: 1
              headers:
                Authorization: Bearer t
            - url: https://alerts.example.com/y
        """);

    assertThat(s.plan().targets()).extracting(t -> t.interval())
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(5));
    assertThat(s.listen()).isEqualTo(new ListenAddress("127.0.0.1", 9400));
    assertThat(s.data()).isEqualTo(Path.of("/var/lib/sitepulse"));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(s.plan().thresholds()).isEqualTo(new Thresholds(5, 1));
    assertThat(s.plan().reminder()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.plan().webhooks()).containsExactly(
        new Webhook("https://hooks.example.com/x", Webhook.Format.SLACK, Duration.ofSeconds(2), 1,
            Map.of("Authorization", "Bearer t")),
        new Webhook("https://alerts.example.com/y", Webhook.Format.JSON, Webhook.DEFAULT_TIMEOUT,
            Webhook.DEFAULT_RETRIES, Map.of()));
  }

  @Test
  void withoutAWatchSectionTheDefaultsHold() {
    WatchSettings s = settings("targets:\n  - url: http://127.0.0.1/\n");

    assertThat(s.plan().targets().get(0).interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.listen()).isEqualTo(new ListenAddress("127.0.0.1", 9321));
    assertThat(s.data()).isEqualTo(Path.of("sitepulse-data"));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(s.plan().thresholds()).isEqualTo(Thresholds.DEFAULT);
    assertThat(s.plan().reminder()).isNull();
    assertThat(s.plan().webhooks()).isEmpty();
  }

  @Test
  void aBadIntervalNamesItsLineAndTarget() {
    assertConfigError("""
        targets:
          - name: web
            url: http://127.0.0.1/
            interval: 10x
        """).startsWith(FILE + ":4:").contains("targets[0].interval (target \"web\")")
        .contains("\"10x\" is not a duration");
  }

  @Test
  void anIntervalBelowAHundredMillisecondsIsRejected() {
    assertConfigError("""
        defaults:
          interval: 10ms
        targets:
          - url: http://127.0.0.1/
        """).startsWith(FILE + ":2:").contains("defaults.interval").contains("at least 100ms, got 10ms");
  }

  @Test
  void aMisspelledWatchKeyIsNamedWithTheLikelyOne() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          failure-treshold: 3
        """).isEqualTo(FILE + ":4:3: watch.failure-treshold: unknown key (did you mean failure-threshold?)");
  }

  @Test
  void aThresholdOfZeroNamesItsKey() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          success-threshold: 0
        """).startsWith(FILE + ":4:").contains("watch.success-threshold: success-threshold must be at least 1, got 0");
  }

  @Test
  void aWebhookFormatOtherThanJsonOrSlackIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          webhooks:
            - url: https://hooks.example.com/x
              format: teams
        """).startsWith(FILE + ":6:").endsWith("watch.webhooks[0].format: expected one of json, slack, got \"teams\"");
  }

  @Test
  void aWebhookTakesTenRetriesButElevenAreRefusedAtTheirValue() {
    String withRetries = """
        targets:
          - url: http://127.0.0.1/
        watch:
          webhooks:
            - url: https://hooks.example.com/x
              retries: %d
        """;

    assertThat(settings(withRetries.formatted(10)).plan().webhooks()).extracting(Webhook::retries).containsExactly(10);
    assertConfigError(withRetries.formatted(11))
        .isEqualTo(FILE + ":6:16: watch.webhooks[0].retries: retries must be 0 to 10, got 11");
  }

  @Test
  void aWebhookWithoutAUrlIsRejectedWhereItStartsNotPastTheFilesEnd() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          webhooks:
            - format: json
        """).isEqualTo(FILE + ":5:7: watch.webhooks[0].url: url is required");
  }

  @Test
  void aWebhookUrlMustBeHttp() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          webhooks:
            - url: hooks.example.com/x
        """).startsWith(FILE + ":5:").contains("watch.webhooks[0].url").contains("is not an absolute http(s) URL");
  }

  @Test
  void aWebhookUrlTheConfigRefusesIsQuotedWithItsPathHiddenAsWatchShowsItEverywhereElse() {
    String yaml = """
        targets:
          - url: http://127.0.0.1/
        watch:
          webhooks:
            - url: "%s"
        """;
    assertConfigError(yaml.formatted("https://hooks.example:99999/services/T/B/tok"))
        .isEqualTo(FILE + ":5:12: watch.webhooks[0].url: port 99999 is outside 1 to 65535: https://hooks.example:99999/…");
    assertConfigError(yaml.formatted("https://bot:pw@hooks.example:x/services/T/B/tok"))
        .isEqualTo(FILE + ":5:12: watch.webhooks[0].url: port x is not a number: https://hooks.example:x/…");
    assertConfigError(yaml.formatted("https://hooks.ex ample/services/T/B/tok"))
        .isEqualTo(FILE + ":5:12: watch.webhooks[0].url: host \"hooks.ex ample\" is not valid: https://hooks.ex ample/…");
    assertConfigError(yaml.formatted("ftp://hooks.example/services/T/B/tok?key=k"))
        .isEqualTo(FILE + ":5:12: watch.webhooks[0].url: \"ftp://hooks.example/…\" is not an absolute http(s) URL");
    assertConfigError(yaml.formatted("hooks.example:8080/services/T/B/tok"))
        .isEqualTo(FILE + ":5:12: watch.webhooks[0].url: \"hooks.example:8080/…\" is not an absolute http(s) URL"
            + " (did you mean http://hooks.example:8080/…?)");
    assertConfigError(yaml.formatted("https://hooks.example:99999\\\\services\\\\tok")).doesNotContain("tok");
  }

  @Test
  void aBadListenAddressIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          listen: localhost
        """).startsWith(FILE + ":4:").contains("watch.listen: \"localhost\" is not host:port");
  }

  @Test
  void aDataFolderThatCannotBeAPathIsRejectedNotACrash() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
        watch:
          data: "a\\0b"
        """).isEqualTo(FILE + ":4:9: watch.data: data is not a folder name: Nul character not allowed");
  }

  @Test
  void twoTargetsOfOneNameAreRejected() {
    assertConfigError("""
        targets:
          - name: shop
            url: http://127.0.0.1/a
          - name: shop
            url: http://127.0.0.1/b
        """).isEqualTo(FILE + ":4:11: targets[1].name (target \"shop\"): the name \"shop\" is used by targets[0] too;"
            + " targets are told apart by name");
  }

  @Test
  void aConfigWithoutTargetsHasNothingToWatch() {
    assertConfigError("defaults:\n  timeout: 1s\n").isEqualTo(FILE + ": no targets to watch (add some under targets:)");
  }

  @Test
  void pingAcceptsAConfigWrittenForWatch() throws Exception {
    Path file = Files.writeString(dir.resolve(FILE), """
        defaults:
          interval: 30s
        targets:
          - url: http://127.0.0.1:9/
            interval: 10s
        watch:
          reminder: 1h
        """);

    CommandLineRun run = CommandLineRun.of("ping", "-c", file.toString(), "--format", "csv", "--timeout", "2s");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.out()).contains("CONNECT_REFUSED");
  }

  @Test
  void watchReportsAConfigErrorOnOneLineAndExitsThree() throws Exception {
    Path file = Files.writeString(dir.resolve(FILE), "targets:\n  - url: http://127.0.0.1/\n    interval: soon\n");

    CommandLineRun run = CommandLineRun.of("watch", "-c", file.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).matches("sitepulse: \\Q" + file + "\\E:3:\\d+: targets\\[0]\\.interval: \"soon\" is not a duration.*\n");
  }

  @Test
  void aHistoryOfAnotherKindIsAUsageErrorButOneSqliteCannotOpenEndsTheRunAsAFailure() throws Exception {
    Path file = Files.writeString(dir.resolve(FILE), "targets:\n  - url: http://127.0.0.1:1/\n");
    Path notSqlite = Files.createDirectories(dir.resolve("text"));
    Files.writeString(notSqlite.resolve("history.db"), "not a database");
    Path cannotOpen = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(cannotOpen.resolve("history.db"), "");
    Files.createDirectory(cannotOpen.resolve("history.db-wal")); // SQLite cannot make its log

    CommandLineRun other = CommandLineRun.of("watch", "-c", file.toString(), "--data", notSqlite.toString(),
        "--listen", "127.0.0.1:0");
    CommandLineRun failed = CommandLineRun.of("watch", "-c", file.toString(), "--data", cannotOpen.toString(),
        "--listen", "127.0.0.1:0");

    assertThat(other.exitCode()).as("%s", other).isEqualTo(3);
    assertThat(other.err()).endsWith(": not an SQLite database\n");
    assertThat(failed.exitCode()).as("%s", failed).isEqualTo(2);
    assertThat(failed.err()).startsWith("sitepulse: cannot open the history " + cannotOpen.resolve("history.db"))
        .hasLineCount(1);
  }

  @Test
  void aDataFolderWhoseLockCannotBeMadeEndsTheRunAsAFailureAsCrawlHasIt() throws Exception {
    Path file = Files.writeString(dir.resolve(FILE), "targets:\n  - url: http://127.0.0.1:1/\n");
    Path data = Files.createDirectories(dir.resolve("data"));
    // What a folder the user may not write in does (root may write anywhere): no lock file.
    Files.createDirectory(data.resolve("watch.lock"));

    CommandLineRun run = CommandLineRun.of("watch", "-c", file.toString(), "--data", data.toString(),
        "--listen", "127.0.0.1:0");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).startsWith("sitepulse: cannot lock " + data.resolve("watch.lock") + ": ").hasLineCount(1);
    assertThat(data.resolve("history.db")).doesNotExist();
  }

  @Test
  void aBadListenOptionIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve(FILE), "targets:\n  - url: http://127.0.0.1/\n");

    CommandLineRun run = CommandLineRun.of("watch", "-c", file.toString(), "--listen", "9321");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: --listen: \"9321\" is not host:port (use e.g. 127.0.0.1:9321)\n");
  }

  @Test
  void theShippedConfigIsAValidWatchConfig() {
    WatchSettings s = WatchSettings.from(SitepulseConfig.read(Path.of("../config/sitepulse.yaml")),
        "sitepulse.yaml", null, null);
    assertThat(s.plan().targets()).isNotEmpty();
  }
}
