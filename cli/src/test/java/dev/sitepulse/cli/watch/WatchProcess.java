package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sitepulse.cli.JarProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /** Where the watch's stdout and stderr go. */
  private enum Output {
    FILES,
    /** stderr a pipe nothing reads. */
    STDERR_UNREAD,
    /** stdout and stderr the same pipe, read up to the start line only: {@code 2>&1 | less}. */
    BOTH_UNREAD,
    /** stdout a named pipe the test holds, read up to the start line only; stderr a file. */
    STDOUT_FIFO
  }

  private final Process process;
  private final Path out;
  private final Path err;
  private final int port;
  private final InputStream unread;

  private WatchProcess(Process process, Path out, Path err, int port, InputStream unread) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.port = port;
    this.unread = unread;
  }

  static WatchProcess start(Path workDir, String... args) throws IOException, InterruptedException {
    return startUnder(List.of(), workDir, args);
  }

  /** Started through {@code launcher}, a command that runs the rest of the line (nohup). */
  static WatchProcess startUnder(List<String> launcher, Path workDir, String... args)
      throws IOException, InterruptedException {
    return start(launcher, Output.FILES, workDir, args);
  }

  /**
   * With stderr a pipe that nothing reads until {@link #readUnreadToTheEnd}, as a pager that is not
   * reading, or a stalled journald, leaves it: once its 64 KiB are full, a write to it waits.
   */
  static WatchProcess startWithStderrUnread(Path workDir, String... args) throws IOException, InterruptedException {
    return start(List.of(), Output.STDERR_UNREAD, workDir, args);
  }

  /**
   * With stdout and stderr one pipe, as {@code sitepulse watch ... 2>&1 | less} makes it, read up to
   * the start line and then by nothing until {@link #readUnreadToTheEnd}; {@link #out} is what was read.
   */
  static WatchProcess startWithOutputUnread(Path workDir, String... args) throws IOException, InterruptedException {
    return start(List.of(), Output.BOTH_UNREAD, workDir, args);
  }

  /**
   * With stdout the named pipe {@code fifo}, which {@code reader} (opened before) reads up to the
   * start line and then no more; stderr goes to a file.
   */
  static WatchProcess startWithStdoutInto(Path fifo, InputStream reader, Path workDir, String... args)
      throws IOException, InterruptedException {
    return start(List.of(), Output.STDOUT_FIFO, fifo, reader, workDir, args);
  }

  /** Run from {@code jar}, a copy of the shaded jar, say, that the test may then overwrite. */
  static WatchProcess startFrom(Path jar, Path workDir, String... args) throws IOException, InterruptedException {
    return start(jar, List.of(), Output.FILES, null, null, workDir, args);
  }

  private static WatchProcess start(List<String> launcher, Output output, Path workDir, String... args)
      throws IOException, InterruptedException {
    return start(launcher, output, null, null, workDir, args);
  }

  private static WatchProcess start(List<String> launcher, Output output, Path fifo, InputStream fifoReader,
      Path workDir, String... args) throws IOException, InterruptedException {
    assertThat(JarProcess.JAR).as("the shaded jar; `mvn package` builds it").isRegularFile();
    return start(JarProcess.JAR, launcher, output, fifo, fifoReader, workDir, args);
  }

  private static WatchProcess start(Path jar, List<String> launcher, Output output, Path fifo, InputStream fifoReader,
      Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-XX:+UseSerialGC", "-jar",
        jar.toAbsolutePath().toString(), "watch"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "watch-out", ".txt");
    Path err = Files.createTempFile(workDir, "watch-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    switch (output) {
      case FILES -> builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      case STDERR_UNREAD -> builder.redirectOutput(out.toFile());
      case BOTH_UNREAD -> builder.redirectErrorStream(true);
      case STDOUT_FIFO -> builder.redirectOutput(fifo.toFile()).redirectError(err.toFile());
    }
    Process p = builder.start();
    InputStream unread = switch (output) {
      case FILES, STDERR_UNREAD -> p.getErrorStream();
      case BOTH_UNREAD -> p.getInputStream();
      case STDOUT_FIFO -> fifoReader;
    };
    if (output == Output.BOTH_UNREAD || output == Output.STDOUT_FIFO) {
      copyUpToTheStartLine(unread, out);
    }
    WatchProcess[] started = new WatchProcess[1];
    // A JVM's start, which took over 30 s at load 20: a bound for a loaded machine, not a speed goal.
    awaitQuietly(Duration.ofSeconds(90), "the watch to start", () -> {
      if (!p.isAlive()) {
        return true;
      }
      Matcher m = BANNER.matcher(read(out));
      if (m.find()) {
        started[0] = new WatchProcess(p, out, err, Integer.parseInt(m.group(1)), unread);
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

  /**
   * For {@link #startWithStderrUnread} and {@link #startWithOutputUnread}: reads the pipe left
   * unread until the process closes it, at its exit.
   */
  String readUnreadToTheEnd() throws IOException {
    return new String(unread.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Copies lines of the pipe to {@code file} on a thread of its own, up to the start line, then reads no more. */
  private static void copyUpToTheStartLine(InputStream pipe, Path file) {
    Thread copier = new Thread(() -> {
      // Byte by byte: a buffer would read ahead, and what is past the start line must stay in the pipe.
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        for (int b; (b = pipe.read()) != -1; ) {
          line.write(b);
          if (b == '\n') {
            Files.write(file, line.toByteArray(), StandardOpenOption.APPEND);
            if (BANNER.matcher(line.toString(StandardCharsets.UTF_8)).find()) {
              return;
            }
            line.reset();
          }
        }
      } catch (IOException e) {
        // the process is gone: start() says so
      }
    }, "watch-start-line");
    copier.setDaemon(true);
    copier.start();
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
