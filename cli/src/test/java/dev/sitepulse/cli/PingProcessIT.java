package dev.sitepulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.SomeoneElse;
import dev.sitepulse.cli.testing.StubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runnable jar and its launcher in a JVM of their own: a hung server, help, version, completion. */
class PingProcessIT {

  /**
   * How long a run may take before it counts as hung: these runs take a second or two, but a
   * JVM's start on a loaded machine takes many. A bound, not a speed goal.
   */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** A server's hang, far past {@link #LIMIT}: a run that waited for it could not pass for one that did not. */
  private static final Duration HANG = Duration.ofMinutes(10);

  // busyStubs(): the hung request holds its response on a scheduler, not a container thread.
  @RegisterExtension static WireMockExtension stubs = StubServer.busyStubs();

  @TempDir Path dir;

  @Test
  void aServerThatHangsEndsTheProcessAtTheChecksTimeoutNotWhenTheServerAnswers() throws Exception {
    String hang = hangingUrl();

    // Through bin/sitepulse, as users run it. Before, a bound of 3 s stood for "at the timeout",
    // and a loaded machine went past it; a run that waited for the server would outlast LIMIT.
    JarProcess.Result run = JarProcess.launcher(LIMIT, dir,
        "ping", "--timeout", "2s", "--format", "jsonl", hang);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).as("%s", run).hasSize(1);
    JsonNode result = new ObjectMapper().readTree(lines.get(0));
    assertThat(result.get("url").asText()).isEqualTo(hang);
    assertThat(result.get("verdict").asText()).isEqualTo("TIMEOUT");
    assertThat(result.get("message").asText()).isEqualTo("no response after 2s");
    // From the connect, which a loaded machine may start late, to the timeout.
    assertThat(result.get("timings_ms").get("total").asDouble()).isGreaterThan(1000.0).isLessThan(LIMIT.toMillis());
  }

  /** A URL of the stub server that answers only after {@link #HANG}. */
  private static String hangingUrl() {
    stubs.stubFor(get("/hang").willReturn(ok().withFixedDelay((int) HANG.toMillis())));
    return StubServer.url(stubs, "/hang");
  }

  @Test
  void versionPrintsTheVersionAndExitsZero() throws Exception {
    JarProcess.Result run = JarProcess.java(LIMIT, dir, "--version");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run).matches("(?s)sitepulse \\d+\\.\\d+\\.\\d+\\S*\\R.*");
    assertThat(run.out()).doesNotContain("unknown");
  }

  @Test
  void helpListsTheCommandsAndExitsZero() throws Exception {
    JarProcess.Result run = JarProcess.java(LIMIT, dir, "--help");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Usage: sitepulse").contains("ping").contains("demo")
        .contains("generate-completion");
  }

  @Test
  void pingHelpListsItsOptionsAndExitsZero() throws Exception {
    JarProcess.Result run = JarProcess.java(LIMIT, dir, "ping", "--help");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Usage: sitepulse ping").contains("--timeout").contains("--format")
        .contains("--concurrency").contains("--rate").contains("Exit codes");
  }

  @Test
  void generateCompletionPrintsABashCompletionScript() throws Exception {
    JarProcess.Result run = JarProcess.java(LIMIT, dir, "generate-completion");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("sitepulse");
  }

  @Test
  void runningOutOfMemoryIsOneLineAndExitThreeWhichNagiosReadsAsUnknownNotAsASiteDown() throws Exception {
    // A config larger than the heap Java was given: an Error, which no command catches.
    Files.writeString(dir.resolve("big.yaml"), "# filler\n".repeat(24 << 17) + "targets:\n  - url: http://127.0.0.1:1/\n");

    JarProcess.Result run = JarProcess.java(LIMIT, dir, List.of("-Xmx16m"), "ping", "-c", "big.yaml");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).as("%s", run).isEqualTo("sitepulse: java.lang.OutOfMemoryError: Java heap space\n");
  }

  @Test
  void aUsageErrorExitsThreeWithOneLineOnStderr() throws Exception {
    JarProcess.Result run = JarProcess.java(LIMIT, dir, "ping", "--timeout", "10x", "http://127.0.0.1:1/");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("sitepulse: ").contains("\"10x\"");
  }

  @Test
  void outputIsUtf8EvenUnderTheCLocale() throws Exception {
    Path config = dir.resolve("cafe.yaml");
    Files.writeString(config, "targets:\n  - name: Café ☕\n    url: " + StubServer.url(stubs, "/status/200") + "\n");

    JarProcess.Result run = JarProcess.javaInTheCLocale(LIMIT, dir, "ping", "-c", "cafe.yaml", "--format", "prometheus");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("probe_success{target=\"Café ☕\"} 1");

    Files.writeString(config, "targets:\n  - name: Café ☕\n    url: ftp://example.invalid/\n");
    JarProcess.Result refused = JarProcess.javaInTheCLocale(LIMIT, dir, "ping", "-c", "cafe.yaml");

    assertThat(refused.exitCode()).as("%s", refused).isEqualTo(3);
    assertThat(refused.err()).contains("Café ☕");
  }

  @Test
  void theLauncherReadsArgumentsAndFileNamesAsUtf8UnderTheCLocale() throws Exception {
    Files.writeString(dir.resolve("café.yaml"),
        "targets:\n  - name: Café ☕\n    url: " + StubServer.url(stubs, "/status/200") + "\n");

    JarProcess.Result run = JarProcess.launcherInTheCLocale(LIMIT, dir, "ping", "-c", "café.yaml", "--format", "csv");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Café ☕,");
  }

  @Test
  void aClosedStdinGivesNoUrlsRatherThanTheBytesOfAFileTheJvmOpened() throws Exception {
    // With descriptor 0 closed, the JVM's first open file (the class archive a first run
    // recorded) took it, and 'ping -' read that: "it goes on past 64 MB".
    JarProcess.launcher(LIMIT, dir, "ping", StubServer.url(stubs, "/status/200"));

    JarProcess.Result run = JarProcess.launcherWithStdinClosed(LIMIT, dir, "ping", "-");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).as("%s", run).contains("sitepulse: no targets: stdin (-) gave no URLs");
  }

  @Test
  void theLauncherFindsTheJarNextToItAndPassesTheArgumentsThrough() throws Exception {
    JarProcess.Result run = JarProcess.launcher(LIMIT, dir, "--version");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run).startsWith("sitepulse ");
  }

  @Test
  void theLauncherPassesEveryArgumentAndTheExitCodeThrough() throws Exception {
    String up = StubServer.url(stubs, "/status/404");

    JarProcess.Result run = JarProcess.launcher(LIMIT, dir, "ping", "--format", "csv", "--timeout", "30s", up);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.out()).startsWith("name,group,url,verdict").contains(up).contains("DOWN");
  }

  @Test
  void aCommandsHelpOrUsageErrorLeavesNoClassArchiveSoItsFirstRealRunRecordsIt() throws Exception {
    Path cache = dir.resolve(".cache/sitepulse");

    assertThat(JarProcess.launcher(LIMIT, dir, "ping", "--help").exitCode()).isZero();
    assertThat(JarProcess.launcher(LIMIT, dir, "ping", "--no-such-option").exitCode()).isEqualTo(3);
    assertThat(archives(cache, "ping-")).as("archives after help and a usage error").isEmpty();

    JarProcess.Result run = JarProcess.launcher(LIMIT, dir, "ping", StubServer.url(stubs, "/status/200"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(archives(cache, "ping-")).hasSize(1);
  }

  @Test
  void aJavaHomeWithoutJavaIsOneLineNamingItAndExitThree() throws Exception {
    Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));

    JarProcess.Result run = JarProcess.launcherWith(Map.of("JAVA_HOME", notAJdk.toString()), LIMIT, dir, "--version");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("sitepulse: JAVA_HOME=" + notAJdk
        + " has no bin/java; point it at a JDK 17 or later, or unset it");
  }

  @Test
  void aSitepulseJarThatIsNotThereIsNamedRatherThanAdvisingABuild() throws Exception {
    Path gone = dir.resolve("release/sitepulse.jar");

    JarProcess.Result run = JarProcess.launcherWith(Map.of("SITEPULSE_JAR", gone.toString()), LIMIT, dir, "--version");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("sitepulse: SITEPULSE_JAR=" + gone
        + " is no file; point it at a sitepulse.jar, or unset it");
  }

  @Test
  void aRecordingRunRemovesTheArchivesOfAnInstallWhoseJarIsGone() throws Exception {
    Path cache = dir.resolve(".cache/sitepulse");
    Path release = Files.createDirectories(dir.resolve("release"));
    Path copy = Files.copy(JarProcess.JAR, release.resolve("sitepulse.jar"));
    String up = StubServer.url(stubs, "/status/200");
    assertThat(JarProcess.launcherWith(Map.of("SITEPULSE_JAR", copy.toString()), LIMIT, dir, "ping", up).exitCode())
        .isZero();
    List<Path> releaseArchives = archives(cache, "ping-");
    assertThat(releaseArchives).hasSize(1);

    Files.delete(copy);
    JarProcess.Result run = JarProcess.launcher(LIMIT, dir, "ping", up);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(archives(cache, "ping-")).hasSize(1).doesNotContainAnyElementsOf(releaseArchives);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-Xshare:off", "-XX:-CompactStrings", "-XX:+UseParallelGC", "-XX:+UseZGC -Xmx256m"})
  void javaOptsThatChangeTheCollectorOrClassSharingStillRunTheCommand(String javaOpts) throws Exception {
    JarProcess.Result run = JarProcess.launcherWithJavaOpts(LIMIT, dir, javaOpts, "ping", "--format", "csv",
        StubServer.url(stubs, "/status/200"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains(",UP,");
  }

  @Test
  void theLauncherMapsItsArchiveFromAPathWithASpace() throws Exception {
    Map<String, String> cache = Map.of("XDG_CACHE_HOME", dir.resolve("my cache").toString());
    String up = StubServer.url(stubs, "/status/200");

    JarProcess.Result recording = JarProcess.launcherWith(cache, LIMIT, dir, "ping", up);
    JarProcess.Result mapping = JarProcess.launcherWith(cache, LIMIT, dir, "ping", up);

    assertThat(recording.exitCode()).as("%s", recording).isZero();
    assertThat(archives(dir.resolve("my cache/sitepulse"), "ping-")).hasSize(1);
    assertThat(mapping.exitCode()).as("%s", mapping).isZero();
  }

  @Test
  void watchMapsPingsArchiveThroughTheLauncherAndRecordsNoneOfItsOwn() throws Exception {
    String up = StubServer.url(stubs, "/status/200");
    JarProcess.Result ping = JarProcess.launcher(LIMIT, dir, "ping", up);
    assertThat(ping.exitCode()).as("%s", ping).isZero();
    Path config = Files.writeString(dir.resolve("watch.yaml"),
        "targets:\n  - name: a\n    url: " + up + "\n    interval: 1s\n");

    Process watch = JarProcess.startLauncher(dir, "watch", "-c", config.toString(),
        "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0");
    List<String> javaArgs;
    try {
      // watch execs java: the launcher's pid becomes java's once its options are in the command line
      JarProcess.awaitWhileAlive(watch, LIMIT, () -> arguments(watch).contains("-jar"));
      javaArgs = arguments(watch);
    } finally {
      watch.destroy();
      watch.waitFor();
    }

    assertThat(javaArgs).as("java's command line")
        .anySatisfy(arg -> assertThat(arg).startsWith("-XX:SharedArchiveFile=").contains("/ping-"));
    assertThat(archives(dir.resolve(".cache/sitepulse"), "watch-")).isEmpty();
  }

  private static List<String> arguments(Process process) {
    return process.info().arguments().map(List::of).orElse(List.of());
  }

  @Test
  void theLauncherKeepsNoArchiveUnderAFolderItsGroupMayWriteTo() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxr-x"));

    JarProcess.Result run = JarProcess.launcherWith(Map.of("XDG_CACHE_HOME", shared.toString()), LIMIT, dir,
        "ping", StubServer.url(stubs, "/status/200"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(archives(shared.resolve("sitepulse"), "ping-")).isEmpty();
  }

  @Test
  void theLauncherKeepsNoArchiveWhereSomeoneElseCouldSwapIt() throws Exception {
    // Ours, but inside a folder of someone else's, who could rename it and put their own in.
    Path theirs = Files.createDirectories(dir.resolve(".cache"));
    Path cache = Files.createDirectories(theirs.resolve("sitepulse"));
    SomeoneElse.owns(theirs);

    JarProcess.Result run = JarProcess.launcher(LIMIT, dir, "ping", StubServer.url(stubs, "/status/200"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(archives(cache, "ping-")).isEmpty();
  }

  @Test
  void aSigtermToTheLauncherStopsTheCommandOnTheRunThatRecordsItsArchiveToo() throws Exception {
    String up = StubServer.url(stubs, "/status/200");
    String hang = hangingUrl();

    // No archive yet: the launcher records one, so java runs as its child. The check's timeout is
    // past LIMIT, which a run that waited for it would outlast.
    JarProcess.Result run = JarProcess.launcherStoppedWhen(out -> out.contains(up), LIMIT, dir,
        "ping", "--timeout", "10m", "--format", "jsonl", up, hang);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(130);
    assertThat(run.out().lines()).as("%s", run).hasSize(1);
    assertThat(archives(dir.resolve(".cache/sitepulse"), "ping-")).as("kept as java stopped").hasSize(1);
  }

  @Test
  void aKillOfTheLauncherOnTheRunThatRecordsItsArchiveEndsJavaToo() throws Exception {
    String hang = hangingUrl();

    // No archive yet: the launcher records one, so java runs as its child.
    Process launcher = JarProcess.startLauncher(dir, "ping", "--timeout", "10m", hang);
    ProcessHandle java = null;
    try {
      // until java is under way: its request has come
      JarProcess.awaitWhileAlive(launcher, LIMIT, () -> !stubs.getAllServeEvents().isEmpty());
      assertThat(stubs.getAllServeEvents()).as("the hung request").isNotEmpty();
      java = launcher.children().findFirst().orElseThrow();

      launcher.destroyForcibly().waitFor(); // SIGKILL: nothing the launcher can trap

      // Before its check's timeout of 10 minutes: the bound is for a loaded machine, not a speed goal.
      assertThat(java.onExit()).as("java once its launcher is killed").succeedsWithin(LIMIT);
      assertThat(Files.readString(dir.resolve("launcher.err")))
          .contains("sitepulse: stopped: the launcher (pid " + launcher.pid() + ") that ran it is gone");
    } finally {
      if (java != null) {
        java.destroyForcibly();
      }
    }
  }

  @Test
  void aJavaThatCrashesDumpingTheArchiveAfterTheCommandEndedExitsAsTheCommandDidAndRecordsNoMore() throws Exception {
    Path cache = dir.resolve(".cache/sitepulse");
    Path calls = dir.resolve("java-calls.txt");
    Map<String, String> env = Map.of("JAVA_HOME", crashingJava().toString(), "FAKE_JAVA_CALLS", calls.toString());

    JarProcess.Result first = JarProcess.launcherWith(env, LIMIT, dir, "ping", "http://127.0.0.1:9/");
    JarProcess.Result second = JarProcess.launcherWith(env, LIMIT, dir, "ping", "http://127.0.0.1:9/");

    assertThat(first.exitCode()).as("%s", first).isEqualTo(2);
    assertThat(first.out()).isEqualTo("the command's output\n");
    assertThat(first.err()).as("%s", first).doesNotContain("Aborted").contains("sitepulse: java crashed recording its class archive for 'ping'"
        + " after the command had ended (exit 2; a JDK bug, reported in " + cache.toRealPath());
    assertThat(archives(cache, "ping-")).as("no half-dumped archive; the crash report kept")
        .singleElement().satisfies(f -> assertThat(f.getFileName().toString()).endsWith("-crashed"));
    assertThat(dir.toFile().list((d, name) -> name.startsWith("hs_err"))).isEmpty();
    assertThat(second.exitCode()).as("%s", second).isEqualTo(2);
    assertThat(second.err()).isEmpty();
    List<String> runs = Files.readAllLines(calls);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).contains("-XX:ArchiveClassesAtExit=");
    assertThat(runs.get(1)).doesNotContain("ArchiveClassesAtExit").doesNotContain("SharedArchiveFile");
  }

  /**
   * A JDK whose java prints the command's output and ends as a JDK 17 whose archive dump crashes
   * at exit does: the exit code noted, half an archive and a crash report written, then SIGABRT.
   */
  private Path crashingJava() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("crashing-jdk/bin"));
    Path java = Files.writeString(bin.resolve("java"), """
        #!/bin/sh
        echo "$*" >> "$FAKE_JAVA_CALLS"
        for a in "$@"; do
          case $a in
            -XX:ArchiveClassesAtExit=*) archive=${a#*=} ;;
            -XX:ErrorFile=*) report=${a#*=} ;;
            -Dsitepulse.exit.file=*) exitfile=${a#*=} ;;
          esac
        done
        echo "the command's output"
        if [ -n "${archive:-}" ]; then
          echo 2 > "$exitfile"
          printf 'half an archive' > "$archive"
          echo '# A fatal error has been detected by the Java Runtime Environment' > "$report"
          kill -ABRT $$
        fi
        exit 2
        """);
    java.toFile().setExecutable(true);
    return bin.getParent();
  }

  private static List<Path> archives(Path cache, String prefix) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
