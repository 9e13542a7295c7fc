package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the process says when its standard output cannot take what it writes. */
class OutputLostIT {

  @TempDir Path work;

  @Test
  void outputToAFullDiskIsOneLineOnStderrAndExit3NotASilentExit0() throws Exception {
    File full = new File("/dev/full"); // every write fails with ENOSPC, as on a full disk
    Assumptions.assumeTrue(full.exists(), "needs Linux's /dev/full");

    Process p = jar("--help").redirectOutput(ProcessBuilder.Redirect.appendTo(full)).start();

    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.USAGE);
    assertThat(err).isEqualTo("sitepulse: cannot write the output: No space left on device\n");
  }

  @Test
  void aReaderThatLeavesEarlyAsHeadDoesIsNoFailure() throws Exception {
    Process p = jar("--help").start();
    p.getInputStream().close(); // before the JVM is up: its first write finds no reader

    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
  }

  private ProcessBuilder jar(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JarProcess.JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(work.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
  }
}
