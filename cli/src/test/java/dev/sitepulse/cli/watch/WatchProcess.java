package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sitepulse.cli.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/sitepulse.jar watch ...} in its own JVM, as a user runs it: output to
 * files, signals with kill(1), and the port read from its first line.
 */
final class WatchProcess implements AutoCloseable {

  private static final Pattern BANNER = Pattern.compile("sitepulse watch: \\d+ targets?, http://(?:\\[[^]]+]|[^:/]+):(\\d+)/");

  private final Process process;
  private final Path out;
  private final Path err;
  private final int port;

  private WatchProcess(Process process, Path out, Path err, int port) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.port = port;
  }

  static WatchProcess start(Path workDir, String... args) throws IOException, InterruptedException {
    return startUnder(List.of(), workDir, args);
  }

  /** Started through {@code launcher}, a command that runs the rest of the line (nohup). */
  static WatchProcess startUnder(List<String> launcher, Path workDir, String... args)
      throws IOException, InterruptedException {
    return start(launcher, true, workDir, args);
  }

  /**
   * With stderr a pipe that nothing reads until {@link #readStderrToTheEnd}, as a pager that is not
   * reading, or a stalled journald, leaves it: once its 64 KiB are full, a write to it waits.
   */
  static WatchProcess startWithStderrUnread(Path workDir, String... args) throws IOException, InterruptedException {
    return start(List.of(), false, workDir, args);
  }

  private static WatchProcess start(List<String> launcher, boolean stderrToFile, Path workDir, String... args)
      throws IOException, InterruptedException {
    assertThat(JarProcess.JAR).as("the shaded jar; `mvn package` builds it").isRegularFile();
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-XX:+UseSerialGC", "-jar",
        JarProcess.JAR.toAbsolutePath().toString(), "watch"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "watch-out", ".txt");
    Path err = Files.createTempFile(workDir, "watch-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile());
    Process p = (stderrToFile ? builder.redirectError(err.toFile()) : builder).start();
    WatchProcess[] started = new WatchProcess[1];
    awaitQuietly(Duration.ofSeconds(30), "the watch to start", () -> {
      if (!p.isAlive()) {
        return true;
      }
      Matcher m = BANNER.matcher(read(out));
      if (m.find()) {
        started[0] = new WatchProcess(p, out, err, Integer.parseInt(m.group(1)));
        return true;
      }
      return false;
    });
    if (started[0] == null) {
      p.destroyForcibly();
      fail("watch did not start:\n" + read(out) + read(err));
    }
    return started[0];
  }

  int port() {
    return port;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  /** For {@link #startWithStderrUnread}: reads its stderr until the process closes it, at its exit. */
  String readStderrToTheEnd() throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  void signal(String name) throws IOException, InterruptedException {
    int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    assertThat(rc).as("kill -%s", name).isZero();
  }

  /** Waits for the exit; fails if it takes longer than the limit. */
  int exitCode(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("watch still running after " + limit.toMillis() + " ms:\n" + out() + err());
    }
    return process.exitValue();
  }

  /** Polls until the condition holds; fails with the process output after the limit. */
  void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    if (!awaitQuietly(limit, what, condition)) {
      fail("not within " + limit.toMillis() + " ms: " + what + "\n--- stdout\n" + out() + "--- stderr\n" + err());
    }
  }

  private static boolean awaitQuietly(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(25);
    }
    return true;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
