package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sitepulse.cli.config.SitepulseConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigReloaderTest {

  @TempDir Path dir;

  private static final String TWO_TARGETS = """
      targets:
        - name: a
          url: http://127.0.0.1/a
        - name: b
          url: http://127.0.0.1/b
      """;

  @Test
  void aValidNewConfigIsAppliedAndABadOneLeavesTheRunningOneInPlace() throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), "targets:\n  - name: a\n    url: http://127.0.0.1/a\n");
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    List<WatchSettings> applied = new ArrayList<>();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {

      Files.writeString(file, TWO_TARGETS);
      ConfigReloader.Outcome good = reloader.reload("test");
      Files.writeString(file, TWO_TARGETS + "    interval: 1 minute\n");
      ConfigReloader.Outcome bad = reloader.reload("test");

      assertThat(good.applied()).isTrue();
      assertThat(bad.applied()).isFalse();
      assertThat(bad.error()).matches("\\Q" + file + "\\E:6:\\d+: \\Qtargets[1].interval (target \"b\"): \"1 minute\""
          + " is not a duration (use e.g. 500ms, 10s, 2m, 1h30m, 7d)\\E");
      assertThat(applied).hasSize(1);
      assertThat(applied.get(0).plan().targets()).extracting(t -> t.name()).containsExactly("a", "b");
    }
  }

  @Test
  void aReloadAskedForOnceTheReloaderClosedIsNotAppliedAndThrowsNothingOnTheThreadThatAsked() throws Exception {
    // As a file event taken just before close() comes to its request() after the worker was shut,
    // or a SIGHUP during the watch's stop: an exception there was uncaught, a stack trace on stderr.
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    List<WatchSettings> applied = new ArrayList<>();
    ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add);
    reloader.close();

    // A bound on a loaded machine, not a speed goal: a request the closed reloader left would never end.
    ConfigReloader.Outcome outcome = reloader.request("file changed").get(1, TimeUnit.MINUTES);

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.error()).isEqualTo("the watch is stopping");
    assertThat(applied).isEmpty();
  }

  @Test
  void aDeletedFileLeavesTheRunningConfigInPlace() throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    List<WatchSettings> applied = new ArrayList<>();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      Files.delete(file);

      ConfigReloader.Outcome outcome = reloader.reload("test");

      assertThat(outcome.applied()).isFalse();
      assertThat(outcome.error()).isEqualTo(file + ": no such file");
      assertThat(applied).isEmpty();
    }
  }

  @Test
  void aFailureWhileApplyingIsLoggedNotLostInTheFuture() throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ConfigReloader.class);
    logger.addAppender(log);
    // As WatchRun applies a plan: through a future it joins, which wraps the failure.
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null,
        next -> CompletableFuture.failedFuture(new IllegalStateException("the watch is stopping")).join())) {

      ConfigReloader.Outcome outcome = reloader.request("SIGHUP").get();

      assertThat(outcome.applied()).isFalse();
      assertThat(outcome.error()).isEqualTo("java.lang.IllegalStateException: the watch is stopping");
      assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo(
          "config reload (SIGHUP) failed while being applied, part of it may be in use: "
              + "java.lang.IllegalStateException: the watch is stopping"));
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aReloadsWarningGoesToTheWatchsLogWithTheOthers() throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger("sitepulse.config");
    logger.addAppender(log);
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, next -> { })) {
      Files.writeString(file, TWO_TARGETS + "    conditions: [\"[STATUS] > 999\"]\n");
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(reloader.reload("SIGHUP").applied()).isTrue();
    } finally {
      System.setErr(stderr);
      logger.detachAppender(log);
    }

    assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo(
        file + ":6:18: targets[1].conditions[0] (target \"b\"): condition \"[STATUS] > 999\" can never hold:"
            + " [STATUS] is never above 999"));
    assertThat(err.toString(StandardCharsets.UTF_8)).as("no note beside the log line").doesNotContain("sitepulse: ");
  }

  /**
   * The warnings the reloader logs as the file, TWO_TARGETS plus {@code watch} when the watch
   * started, is changed to TWO_TARGETS plus each of {@code edits} in turn and reloaded.
   */
  private List<String> reloadWarnings(String watch, String... edits) throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS + watch);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ConfigReloader.class);
    logger.addAppender(log);
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, next -> { })) {
      for (String edited : edits) {
        Files.writeString(file, TWO_TARGETS + edited);
        assertThat(reloader.reload("file changed").applied()).isTrue();
      }
    } finally {
      logger.detachAppender(log);
    }
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aReloadThatChangesOnlyTheRetentionSaysOnlyThatItWaitsForARestart() throws Exception {
    assertThat(reloadWarnings("watch:\n  retention: 30d\n", "watch:\n  retention: 7d\n"))
        .containsExactly("config reload (file changed): retention takes effect on restart");
  }

  @Test
  void aReloadNamesEachKeyThatWaitsForARestartAndNoneThatIsUnchanged() throws Exception {
    String started = "watch:\n  listen: 127.0.0.1:9321\n  data: d1\n  retention: 30d\n";

    assertThat(reloadWarnings(started, "watch:\n  listen: 127.0.0.1:9322\n  data: d2\n  retention: 30d\n"))
        .containsExactly("config reload (file changed): listen and data take effect on restart");
    assertThat(reloadWarnings(started, started.replace("30d", "7d").replace("d1", "d2")))
        .containsExactly("config reload (file changed): data and retention take effect on restart");
    assertThat(reloadWarnings(started, started + "  reminder: 1h\n")).isEmpty();
  }

  /** What waits for a restart is told against what the watch runs with, not against the last reload. */
  @Test
  void aRetentionPutBackAsTheWatchStartedWithWaitsForNothing() throws Exception {
    assertThat(reloadWarnings("watch:\n  retention: 30d\n", "watch:\n  retention: 7d\n", "watch:\n  retention: 30d\n"))
        .containsExactly("config reload (file changed): retention takes effect on restart");
  }

  @Test
  void anEditOfTheFileIsNoticedAndReloaded() throws Exception {
    Path file = Files.writeString(dir.resolve("watch.yaml"), "targets:\n  - name: a\n    url: http://127.0.0.1/a\n");
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    List<WatchSettings> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      reloader.watchFile();

      Files.writeString(file, TWO_TARGETS);

      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // a bound for a loaded machine
      while (applied.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(applied).as("reloaded after the edit").isNotEmpty();
      assertThat(applied.get(applied.size() - 1).plan().targets()).hasSize(2);
    }
  }

  @Test
  void anEditIsReloadedWhileAnotherFileOfTheFolderIsWrittenAllTheTime() throws Exception {
    // The watch's own log beside its config (`2> watch.log`): its writes never let events settle.
    Path file = Files.writeString(dir.resolve("watch.yaml"), "targets:\n  - name: a\n    url: http://127.0.0.1/a\n");
    Path log = dir.resolve("watch.log");
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    BlockingQueue<WatchSettings> applied = new LinkedBlockingQueue<>();
    ScheduledExecutorService logging = Executors.newSingleThreadScheduledExecutor();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      logging.scheduleAtFixedRate(() -> append(log, "an alert\n"), 0, 20, TimeUnit.MILLISECONDS);
      reloader.watchFile();

      Files.writeString(file, TWO_TARGETS);

      WatchSettings next = applied.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("reloaded while the log is written").isNotNull();
      assertThat(next.plan().targets()).hasSize(2);
    } finally {
      logging.shutdownNow();
    }
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anEditThatKeepsTheSizeAndTheTimeStampIsStillReloaded() throws Exception {
    // As on a file system whose time stamps step by a second or two: only the event tells.
    Path file = Files.writeString(dir.resolve("watch.yaml"), TWO_TARGETS);
    FileTime stamp = Files.getLastModifiedTime(file);
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    BlockingQueue<WatchSettings> applied = new LinkedBlockingQueue<>();
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      reloader.watchFile();

      Files.writeString(file, TWO_TARGETS.replace("/b\n", "/c\n"));
      Files.setLastModifiedTime(file, stamp);

      WatchSettings next = applied.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("reloaded after the edit").isNotNull();
      assertThat(next.plan().targets().get(1).target().url()).endsWith("/c");
    }
  }

  @Test
  void aSymlinkSwappedAsKubernetesUpdatesAConfigMapIsNoticedAndReloaded() throws Exception {
    // A ConfigMap volume: watch.yaml -> ..data/watch.yaml, ..data -> ..v1; an update writes ..v2 and
    // renames a new link over ..data, so no event names watch.yaml.
    Files.writeString(Files.createDirectory(dir.resolve("..v1")).resolve("watch.yaml"),
        "targets:\n  - name: a\n    url: http://127.0.0.1/a\n");
    Files.writeString(Files.createDirectory(dir.resolve("..v2")).resolve("watch.yaml"), TWO_TARGETS);
    Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
    Path file = Files.createSymbolicLink(dir.resolve("watch.yaml"), Path.of("..data/watch.yaml"));
    BlockingQueue<WatchSettings> applied = new LinkedBlockingQueue<>();
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      reloader.watchFile();

      Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..v2"));
      Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

      WatchSettings next = applied.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("reloaded after the swap").isNotNull();
      assertThat(next.plan().targets()).hasSize(2);
    }
  }

  @Test
  void anEditOfTheFileASymlinkPointsAtInAnotherFolderIsNoticedAndReloaded() throws Exception {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("config.yaml"),
        "targets:\n  - name: a\n    url: http://127.0.0.1/a\n");
    Path file = Files.createSymbolicLink(Files.createDirectory(dir.resolve("etc")).resolve("watch.yaml"), real);
    BlockingQueue<WatchSettings> applied = new LinkedBlockingQueue<>();
    WatchSettings first = WatchSettings.from(SitepulseConfig.read(file), file.toString(), null, null);
    try (ConfigReloader reloader = new ConfigReloader(file, first, null, null, applied::add)) {
      reloader.watchFile();

      Files.writeString(real, TWO_TARGETS);

      WatchSettings next = applied.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("reloaded after the edit").isNotNull();
      assertThat(next.plan().targets()).hasSize(2);
    }
  }
}
