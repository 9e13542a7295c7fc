package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the real runnable jar, or the launcher script, in its own JVM, as a user would: output goes
 * to files so a full pipe never blocks the child, and a child that outlives its limit is destroyed
 * and fails the test.
 */
public final class JarProcess {

  /** Failsafe runs with the module directory as the working directory. */
  public static final Path JAR = Path.of("target/sitepulse.jar");

  public static final Path LAUNCHER = Path.of("../bin/sitepulse");

  /** What a finished process did; elapsed spans start to exit. */
  public record Result(int exitCode, String out, String err, Duration elapsed) {
    @Override
    public String toString() {
      return "exit " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + out
          + "--- stderr\n" + err;
    }
  }

  private JarProcess() {}

  /** The JVM options bin/sitepulse gives short commands such as ping: a quick start, no C2. */
  public static final List<String> LAUNCHER_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  /** {@code java -jar target/sitepulse.jar ARGS}, with the JVM that runs the tests. */
  public static Result java(Duration limit, Path workDir, String... args) throws IOException, InterruptedException {
    return java(limit, workDir, List.of(), args);
  }

  /** {@code java JVM_OPTIONS -jar target/sitepulse.jar ARGS}. */
  public static Result java(Duration limit, Path workDir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar; `mvn package` builds it").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(javaBinary().toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return run(cachedUnder(workDir, new ProcessBuilder(command)), limit, workDir);
  }

  /** As {@link #java(Duration, Path, String...)}, started through {@code wrapper}: setpriv as another user, say. */
  public static Result javaThrough(List<String> wrapper, Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(javaBinary().toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return run(cachedUnder(workDir, new ProcessBuilder(command)), limit, workDir);
  }

  /** As {@link #java(Duration, Path, String...)}, under the C locale (cron's, most containers'). */
  public static Result javaInTheCLocale(Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBinary().toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return run(inTheCLocale(cachedUnder(workDir, new ProcessBuilder(command))), limit, workDir);
  }

  /** As {@link #launcher}, with {@code JAVA_OPTS} set. */
  public static Result launcherWithJavaOpts(Duration limit, Path workDir, String javaOpts, String... args)
      throws IOException, InterruptedException {
    return launcherWith(Map.of("JAVA_OPTS", javaOpts), limit, workDir, args);
  }

  /** As {@link #launcher}, with these environment variables set. */
  public static Result launcherWith(Map<String, String> env, Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = launcherCommand(workDir, args);
    builder.environment().putAll(env);
    return run(builder, limit, workDir);
  }

  /** As {@link #launcher}, under the C locale. */
  public static Result launcherInTheCLocale(Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    return run(inTheCLocale(launcherCommand(workDir, args)), limit, workDir);
  }

  private static ProcessBuilder inTheCLocale(ProcessBuilder builder) {
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_"));
    builder.environment().put("LANG", "C");
    builder.environment().put("LC_ALL", "C");
    return builder;
  }

  /** Starts {@code java -jar target/sitepulse.jar ARGS} and returns at once, output to files. */
  public static Process start(Path workDir, String... args) throws IOException {
    return start(workDir, List.of(), args);
  }

  /** As {@link #start(Path, String...)}, started through {@code wrapper}: a shell that ignores SIGINT, say. */
  public static Process startThrough(List<String> wrapper, Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(javaBinary().toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return startedToFiles(workDir, command);
  }

  /** As {@link #start(Path, String...)}, with these JVM options. */
  public static Process start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary().toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return startedToFiles(workDir, command);
  }

  /** Starts {@code command} in {@code workDir}, its output to started.out and started.err there. */
  private static Process startedToFiles(Path workDir, List<String> command) throws IOException {
    return cachedUnder(workDir, new ProcessBuilder(command))
        .directory(workDir.toFile())
        .redirectOutput(workDir.resolve("started.out").toFile())
        .redirectError(workDir.resolve("started.err").toFile())
        .start();
  }

  /** What a started process is to bring about, read from its files or a server it talks to. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws IOException;
  }

  /**
   * Polls until {@code condition} holds, {@code process} ends or {@code limit} passes, whichever
   * comes first; the caller asserts what it needs. Another JVM says nothing of its progress, so
   * this looks every 20 ms; no timing is asserted on it.
   */
  public static void awaitWhileAlive(Process process, Duration limit, Condition condition)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.holds() && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** Starts {@code bin/sitepulse ARGS} and returns at once, output to files. */
  public static Process startLauncher(Path workDir, String... args) throws IOException {
    return launcherCommand(workDir, args)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .redirectOutput(workDir.resolve("launcher.out").toFile())
        .redirectError(workDir.resolve("launcher.err").toFile())
        .start();
  }

  /** {@code bin/sitepulse ARGS}; the launcher finds the jar next to itself, with this JVM's JDK. */
  public static Result launcher(Duration limit, Path workDir, String... args) throws IOException, InterruptedException {
    return run(launcherCommand(workDir, args), limit, workDir, null);
  }

  /** As {@link #launcher}, with stdin closed rather than empty, as {@code sitepulse ARGS <&-} runs it. */
  public static Result launcherWithStdinClosed(Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = launcherCommand(workDir, args);
    List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\" <&-"));
    command.addAll(builder.command());
    return run(builder.command(command), limit, workDir, null);
  }

  /**
   * As {@link #launcher}, and sends SIGTERM to the launcher's pid, as a supervisor would, once
   * what it printed on stdout satisfies {@code ready}.
   */
  public static Result launcherStoppedWhen(Predicate<String> ready, Duration limit, Path workDir, String... args)
      throws IOException, InterruptedException {
    return run(launcherCommand(workDir, args), limit, workDir, ready);
  }

  private static ProcessBuilder launcherCommand(Path workDir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toAbsolutePath().normalize().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SITEPULSE_JAR");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", javaBinary().getParent().getParent().toString());
    return cachedUnder(workDir, builder);
  }

  /**
   * The launcher's class-data archives and the kept SQLite library go under the test's directory,
   * not the user's cache.
   */
  private static ProcessBuilder cachedUnder(Path workDir, ProcessBuilder builder) {
    builder.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
    return builder;
  }

  private static Result run(ProcessBuilder builder, Duration limit, Path workDir)
      throws IOException, InterruptedException {
    return run(builder, limit, workDir, null);
  }

  private static Result run(ProcessBuilder builder, Duration limit, Path workDir, Predicate<String> stopWhen)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    builder.directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("NO_COLOR", "1");
    long start = System.nanoTime();
    Process process = builder.start();
    if (stopWhen != null) {
      awaitWhileAlive(process, limit, () -> stopWhen.test(Files.readString(out, StandardCharsets.UTF_8)));
      process.destroy(); // SIGTERM
    }
    boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!exited) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Result result = new Result(exited ? process.exitValue() : -1,
        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), elapsed);
    assertThat(exited).as("%s still running after %s ms:%n%s", builder.command(), limit.toMillis(), result).isTrue();
    return result;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static Path javaBinary() {
    return Path.of(ProcessHandle.current().info().command().orElseThrow(
        () -> new IllegalStateException("cannot tell which java runs the tests")));
  }
}
