package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.cli.ping.PingRun;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file as a user writes it: the shipped default, ${ENV} references, and every kind of mistake. */
class ConfigFileTest {

  /** Maven runs tests with the module directory as the working directory. */
  private static final Path SHIPPED = Path.of("../config/sitepulse.yaml");

  private static final String FILE = ConfigErrors.FILE;

  @Test
  void theShippedConfigParsesAsItIs() {
    SitepulseConfig config = SitepulseConfig.read(SHIPPED);

    assertThat(config.targets()).hasSize(1);
    TargetSpec target = config.targets().get(0);
    assertThat(target.name()).isEqualTo("localhost");
    assertThat(target.group()).isEqualTo("local");
    assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(target.conditions()).extracting(c -> c.text())
        .containsExactly("[STATUS] < 400", "[RESPONSE_TIME] < 1000");
    assertThat(config.defaults().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.defaults().rate()).isEqualTo(Rate.parse("10/s"));
    assertThat(config.defaults().concurrency()).isEqualTo(64);
    assertThat(config.defaults().retries()).isZero();
    assertThat(config.defaults().maxBody()).isEqualTo(new DataSize(1 << 20));
    assertThat(config.defaults().maxRedirects()).isEqualTo(10);
    assertThat(config.defaults().insecure()).isFalse();
    assertThat(config.defaults().reuseConnections()).isFalse();
    assertThat(config.defaults().userAgent()).isEqualTo("sitepulse");
    assertThat(config.defaults().headers()).containsExactly(Map.entry("Accept", "*/*"));
  }

  @Test
  void theShippedConfigFallsBackToExampleDotComWithoutSitepulseUrl() throws Exception {
    SitepulseConfig config = SitepulseConfig.read(Files.readString(SHIPPED), FILE, Map.of());

    PingRun run = PingRun.from(config, PingRun.Overrides.NONE, List.of());

    assertThat(run.targets()).singleElement().satisfies(t -> {
      assertThat(t.url()).isEqualTo("https://example.com/");
      assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(2));
      assertThat(t.headers()).containsEntry("Accept", "*/*");
    });
    assertThat(run.settings().concurrency()).isEqualTo(64);
  }

  @Test
  void theShippedConfigTakesItsUrlFromSitepulseUrlWhenSet() throws Exception {
    SitepulseConfig config = SitepulseConfig.read(
        Files.readString(SHIPPED), FILE, Map.of("SITEPULSE_URL", "http://127.0.0.1:8080/health"));

    assertThat(config.targets().get(0).url()).isEqualTo("http://127.0.0.1:8080/health");
  }

  @Test
  void environmentReferencesAreSubstitutedWithTheirValuesOrTheirDefaults() {
    String yaml = """
        defaults:
          timeout: ${TIMEOUT}
          user-agent: ${AGENT:-sitepulse-test}
        targets:
          - name: ${NAME:-fallback-name}
            url: http://${HOST}:${PORT:-80}/status/200
        """;

    SitepulseConfig config = SitepulseConfig.read(
        yaml, FILE, Map.of("TIMEOUT", "3s", "HOST", "127.0.0.1", "NAME", "from-env"));

    assertThat(config.defaults().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.defaults().userAgent()).isEqualTo("sitepulse-test");
    assertThat(config.targets().get(0).name()).isEqualTo("from-env");
    assertThat(config.targets().get(0).url()).isEqualTo("http://127.0.0.1:80/status/200");
  }

  @Test
  void anEmptyDefaultIsAllowed() {
    String yaml = """
        targets:
          - url: http://127.0.0.1/${SUFFIX:-}
        """;

    SitepulseConfig config = SitepulseConfig.read(yaml, FILE, Map.of());

    assertThat(config.targets().get(0).url()).isEqualTo("http://127.0.0.1/");
  }

  @Test
  void referencesOnCommentLinesAreLeftAlone() {
    String yaml = """
        # ${NOT_SET} is only mentioned in a comment
        targets:
            # nor is ${ALSO_NOT_SET} a problem here
          - url: http://127.0.0.1/
        """;

    SitepulseConfig config = SitepulseConfig.read(yaml, FILE, Map.of());

    assertThat(config.targets()).hasSize(1);
  }

  @Test
  void aTargetsHeaderReplacesTheDefaultOfTheSameNameWhateverTheirCase() {
    String yaml = """
        defaults:
          headers:
            x-over: from-default
            Accept: text/plain
        targets:
          - name: a
            url: http://127.0.0.1/a
            headers:
              X-Over: from-a
          - name: b
            url: http://127.0.0.1/b
            headers:
              X-OVER: from-b
        """;

    PingRun run = PingRun.from(SitepulseConfig.read(yaml, FILE, Map.of()), PingRun.Overrides.NONE, List.of());

    assertThat(run.targets()).extracting(t -> t.headers().size()).containsExactly(2, 2);
    assertThat(run.targets().get(0).headers()).containsValues("from-a", "text/plain");
    assertThat(run.targets().get(1).headers()).containsValues("from-b", "text/plain");
  }

  @Test
  void aMissingEnvironmentVariableNamesTheFileLineAndVariable() {
    String yaml = """
        defaults:
          timeout: 10s
        targets:
          - name: api
            url: ${API_URL}
        """;

    assertConfigError(yaml, Map.of())
        .startsWith(FILE + ":5:")
        .contains("API_URL")
        .contains("not set");
  }

  @Test
  void aVariableHoldingALineBreakIsRefusedRatherThanReadAsMoreOfTheFile() {
    String yaml = """
        targets:
          - name: api
            url: ${API_URL}
        """;

    assertConfigError(yaml, Map.of("API_URL", "http://127.0.0.1/\n  - url: http://evil.example/"))
        .isEqualTo(FILE + ":3:10: environment variable API_URL holds a line break, which a value in the file cannot have");
  }

  private static final String TYPO_IN_SECOND_TARGET = """
      targets:
        - name: web
          url: http://127.0.0.1/
        - name: api
          url: http://127.0.0.1/api
          timout: 5s
          group: backend
      """;

  @Test
  void anUnknownKeyNamesTheKeyPathTheTargetAndTheLikelyKey() {
    assertConfigError(TYPO_IN_SECOND_TARGET)
        .matches("\\Q" + FILE + "\\E:\\d+:\\d+: "
            + "\\Qtargets[1].timout (target \"api\"): unknown key (did you mean timeout?)\\E");
  }

  /** Jackson binds records at the mapping's end; the error must still point at the key's line. */
  @Test
  void anUnknownKeyNamesItsOwnLine() {
    assertConfigError(TYPO_IN_SECOND_TARGET)
        .matches("\\Q" + FILE + "\\E:6:\\d+: "
            + "\\Qtargets[1].timout (target \"api\"): unknown key (did you mean timeout?)\\E");
  }

  /** A value rejected by a record constructor points at its own line, not the mapping's end. */
  @Test
  void aBadMethodNamesItsOwnLine() {
    String yaml = """
        targets:
          - name: x
            method: FETCH
            url: http://127.0.0.1/
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":3:")
        .contains("targets[0]")
        .contains("\"FETCH\"");
  }

  @Test
  void aBadMethodIsRejectedNamingTheTarget() {
    String yaml = """
        targets:
          - name: x
            method: FETCH
            url: http://127.0.0.1/
        """;

    assertConfigError(yaml)
        .matches("\\Q" + FILE + "\\E:\\d+:\\d+: .*")
        .contains("targets[0].method (target \"x\")")
        .endsWith("targets[0].method (target \"x\"): expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS,"
            + " got \"FETCH\""); // as a bad scope or format is refused
  }

  @Test
  void anUnknownKeyFarFromAnyKnownOneListsTheKeysAllowedThere() {
    String yaml = """
        defaults:
          colour: blue
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":")
        .contains("defaults.colour: unknown key (allowed here: circuit-breaker, concurrency, headers, insecure, interval,");
  }

  @Test
  void aKeyTypedInTheWrongCaseIsSuggestedInItsOwnCase() {
    assertConfigError("targets:\n  - URL: http://127.0.0.1/\n")
        .endsWith("targets[0].URL: unknown key (did you mean url?)");
  }

  @Test
  void anUnknownTopLevelKeyIsAnError() {
    assertConfigError("target:\n  - url: http://127.0.0.1/\n")
        .startsWith(FILE + ":")
        .endsWith("target: unknown key (did you mean targets?)");
  }

  @Test
  void aWordWhereANumberBelongsIsAWrongType() {
    String yaml = """
        defaults:
          timeout: 10s
          concurrency: abc
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":3:")
        .contains("defaults.concurrency")
        .contains("abc");
  }

  @Test
  void aListWhereAMappingBelongsIsAWrongType() {
    String yaml = """
        defaults:
          headers:
            - Accept
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":3:")
        .contains("defaults.headers");
  }

  @Test
  void aBadDurationIsQuotedWithTheAcceptedForms() {
    String yaml = """
        targets:
          - name: web
            url: http://127.0.0.1/
            timeout: 10x
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":4:")
        .contains("targets[0].timeout (target \"web\")")
        .contains("\"10x\" is not a duration");
  }

  @Test
  void aBadRateIsQuoted() {
    String yaml = """
        defaults:
          rate: 10 per second
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":2:")
        .contains("defaults.rate")
        .contains("\"10 per second\" is not a rate");
  }

  @Test
  void aBadSizeIsQuoted() {
    String yaml = """
        defaults:
          max-body: lots
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":2:")
        .contains("defaults.max-body")
        .contains("\"lots\" is not a size");
  }

  @Test
  void aUrlWithAMisspelledSchemeIsRejected() {
    String yaml = """
        targets:
          - name: typo
            url: htp:/x
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":3:")
        .contains("targets[0].url (target \"typo\")")
        .contains("\"htp:/x\" is not an absolute http(s) URL");
  }

  @Test
  void aUrlWrittenWithoutItsSchemeIsAskedWhetherHttpWasMeant() {
    String yaml = """
        targets:
          - url: example.com/health
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":2:")
        .endsWith("\"example.com/health\" is not an absolute http(s) URL (did you mean http://example.com/health?)");
  }

  @Test
  void textThatIsNoUrlAtAllIsRejected() {
    String yaml = """
        targets:
          - url: not a url
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":2:")
        .contains("targets[0].url")
        .contains("\"not a url\" is not an absolute http(s) URL");
  }

  @Test
  void anHttpUrlWithAPortPastTheRangeSaysItIsThePort() {
    String yaml = """
        targets:
          - name: api
            url: http://h:99999/
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":3:")
        .endsWith("targets[0].url (target \"api\"): port 99999 is outside 1 to 65535: http://h:99999/");
  }

  @Test
  void aUrlThatIsRefusedKeepsItsUserAndPasswordOutOfTheError() {
    assertConfigError("targets:\n  - name: api\n    url: http://ops:s3cret@h:99999/\n")
        .endsWith("targets[0].url (target \"api\"): port 99999 is outside 1 to 65535: http://h:99999/");
    assertConfigError("targets:\n  - url: \"http://ops:s3cret@exa mple.com/\"\n")
        .endsWith("host \"exa mple.com\" is not valid: http://exa mple.com/");
    assertConfigError("targets:\n  - url: ftp://ops:s3cret@h/\n")
        .endsWith("\"ftp://h/\" is not an absolute http(s) URL");
    assertConfigError("targets:\n  - url: ops:s3cret@h.example/\n")
        .endsWith("\"h.example/\" is not an absolute http(s) URL (did you mean http://h.example/?)");
    assertConfigError("watch:\n  webhooks:\n    - url: http://ops:p@ss@h:0/hook\n")
        .doesNotContain("ops").doesNotContain("p@ss").doesNotContain("ss@");
  }

  @Test
  void anHttpUrlWithABadHostSaysItIsTheHost() {
    String yaml = """
        targets:
          - url: "http://exa mple.com/"
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":2:")
        .endsWith("targets[0].url: host \"exa mple.com\" is not valid: http://exa mple.com/");
  }

  @Test
  void aMalformedConditionNamesTheTargetAndQuotesTheCondition() {
    String yaml = """
        targets:
          - name: health
            url: http://127.0.0.1/health
            conditions:
              - "[STATUS] == 200"
              - "[STATUS] 200"
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":6:")
        .contains("targets[0].conditions[1]")
        .contains("(target \"health\")")
        .contains("\"[STATUS] 200\"");
  }

  @Test
  void aTargetWithoutAUrlIsRejected() {
    String yaml = """
        targets:
          - name: nowhere
            timeout: 2s
        """;

    assertConfigError(yaml)
        .startsWith(FILE + ":")
        .contains("targets[0]")
        .contains("(target \"nowhere\")")
        .contains("url is required");
  }

  /** A key that is missing has no line: the error points where its entry starts, not at the next one. */
  @Test
  void aTargetWithoutAUrlIsRejectedWhereItStarts() {
    String yaml = """
        targets:
          - name: a
            group: g

          # b checks the backup
          - name: b
            url: http://127.0.0.1:9/
        """;

    assertConfigError(yaml).isEqualTo(FILE + ":2:5: targets[0].url (target \"a\"): url is required");
  }

  @Test
  void aYamlSyntaxErrorNamesItsLine() {
    String yaml = """
        defaults:
          timeout: 10s
        targets:
          - name: web
            url: "http://127.0.0.1/
            timeout: 2s
        """;

    // The unclosed quote opens on line 5; SnakeYAML reports where the scalar starts.
    assertConfigError(yaml)
        .matches("\\Q" + FILE + "\\E:5:\\d+: .+")
        .contains("quoted scalar");
  }

  @Test
  void aBadlyIndentedKeyIsAYamlSyntaxErrorOnItsLine() {
    String yaml = """
        defaults:
          timeout: 10s
         rate: 10/s
        """;

    assertConfigError(yaml)
        .matches("\\Q" + FILE + "\\E:3:\\d+: not valid YAML: .+");
  }

  @Test
  void aTabThatIndentsALineIsReportedOnThatLineAndAnUnclosedQuoteWhereItOpens() {
    assertConfigError("targets:\n  - url: http://a/\n    name: x\n\tretries: 1\n")
        .startsWith(FILE + ":4:1: not valid YAML: ")
        .contains("found character '\\t(TAB)'");
    assertConfigError("targets:\n  - url: \"http://a/\n")
        .startsWith(FILE + ":2:8: not valid YAML: while scanning a quoted scalar");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertConfigError("").isEqualTo(FILE + ": the config is empty");
    assertConfigError("  \n\n").isEqualTo(FILE + ": the config is empty");
  }

  @Test
  void anEmptyFileOnDiskNamesItsPath(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

    assertThatThrownBy(() -> SitepulseConfig.read(empty))
        .isInstanceOf(ConfigException.class)
        .hasMessage(empty + ": the config is empty");
  }

  @Test
  void aMissingFileIsAConfigErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> SitepulseConfig.read(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": no such file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aUrlGivenAsTheConfigFileIsCalledAUrl() {
    assertThatThrownBy(() -> SitepulseConfig.read(Path.of("http://example.com/health")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("http://example.com/health: a URL, not a config file; URLs to check go among the"
            + " arguments, or under targets: in a config");
  }

  @Test
  void aUrlGivenAsTheConfigFileIsCalledAUrlWithoutItsUserAndPassword() {
    assertThatThrownBy(() -> SitepulseConfig.read(Path.of("http://ops:s3cret@example.com/health")))
        .hasMessageStartingWith("http://example.com/health: a URL, not a config file;");
  }

  @Test
  void aFileOfOnlyCommentsIsEmpty() {
    assertConfigError("# nothing here yet\n# nor here\n").isEqualTo(FILE + ": the config is empty");
    assertConfigError("---\n").isEqualTo(FILE + ": the config is empty");
  }

  @Test
  void aScalarWhereTheTargetListBelongsIsAWrongType() {
    assertConfigError("targets: 5\n").isEqualTo(FILE + ":1:10: targets: expected a list");
  }

  @Test
  void anOutOfRangeCrawlSettingNamesItsKeyAndValue() {
    assertConfigError("crawl:\n  seeds: [http://a/]\n  per-host: 0\n")
        .isEqualTo(FILE + ":3:13: crawl.per-host: per-host must be at least 1, got 0");
    assertConfigError("crawl:\n  max-depth: -1\n")
        .isEqualTo(FILE + ":2:14: crawl.max-depth: max-depth must be 0 or more, got -1");
  }

  @Test
  void aRedirectLimitPastAHundredNamesItsKeyAndValue() {
    assertConfigError("defaults:\n  max-redirects: 1000000\n")
        .isEqualTo(FILE + ":2:18: defaults.max-redirects: max-redirects must be at most 100, got 1000000");
  }

  /** Out of range or of the wrong type, a value is placed alike: at the value, what is wrong and where to edit. */
  @Test
  void anOutOfRangeValueIsPlacedAtTheValueAsAMalformedOneIs() {
    assertConfigError("defaults:\n  retries: 50\n").startsWith(FILE + ":2:12: defaults.retries: ");
    assertConfigError("defaults:\n  rate: 10x\n").startsWith(FILE + ":2:9: defaults.rate: ");
    assertConfigError("defaults:\n  timeout: 0s\n").startsWith(FILE + ":2:12: defaults.timeout: ");
    assertConfigError("defaults:\n  timeout: 1x\n").startsWith(FILE + ":2:12: defaults.timeout: ");
  }

  @Test
  void tenRetriesInTheDefaultsAreTakenButElevenAreRefusedAtTheirValue() {
    SitepulseConfig config = SitepulseConfig.read("defaults:\n  retries: 10\n", FILE, Map.of());
    assertThat(config.defaults().retries()).isEqualTo(10);

    assertConfigError("defaults:\n  retries: 11\n")
        .isEqualTo(FILE + ":2:12: defaults.retries: retries must be 0 to 10, got 11");
  }

  @Test
  void tenRetriesOnATargetAreTakenButElevenAreRefusedAtTheirValue() {
    SitepulseConfig config = SitepulseConfig.read("targets:\n  - url: http://a/\n    retries: 10\n", FILE, Map.of());
    assertThat(config.targets().get(0).toTarget(config.defaults()).retries()).isEqualTo(10);

    assertConfigError("targets:\n  - name: web\n    url: http://a/\n    retries: 11\n")
        .isEqualTo(FILE + ":4:14: targets[0].retries (target \"web\"): retries must be 0 to 10, got 11");
  }

  @Test
  void anUnknownCrawlScopeListsTheScopes() {
    assertConfigError("crawl:\n  scope: site\n")
        .isEqualTo(FILE + ":2:10: crawl.scope: expected one of host, domain, prefix, regex, got \"site\"");
  }

  @Test
  void aBrokenIncludeRegexSaysWhatIsWrongWithIt() {
    assertConfigError("crawl:\n  include: '(docs'\n")
        .isEqualTo(FILE + ":2:12: crawl.include: not a regular expression: Unclosed group near index 5");
  }

  @Test
  void aConfigWithOnlyDefaultsHasNoTargets() {
    SitepulseConfig config = SitepulseConfig.read("defaults:\n  timeout: 1s\n", FILE, Map.of());

    assertThat(config.targets()).isEmpty();
    List<Target> targets = PingRun.from(config, PingRun.Overrides.NONE, List.of()).targets();
    assertThat(targets).isEmpty();
  }
}
