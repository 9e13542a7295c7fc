package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sitepulse.cli.testing.HeldStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueuedStderrTest {

  @Test
  void pastItsLimitAWriterIsNeverHeldAndTheLinesThatDidNotFitAreCountedOnceTheReaderCatchesUp() {
    HeldStream held = new HeldStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
    String line = "x".repeat(99) + "\n";
    int lines = 2 * QueuedStderr.LIMIT / line.length(); // twice what may wait
    try (QueuedStderr queued = QueuedStderr.install()) {
      // The event loop writes its warnings so: a writer that waited there would hold every fetch.
      try {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
          for (int i = 0; i < lines; i++) {
            System.err.print(line);
          }
        });
      } finally {
        held.release();
      }
    } finally {
      System.setErr(before);
    }

    String written = held.written();
    assertThat(written).startsWith(line).endsWith(" bytes of messages were dropped while stderr was not read\n");
    long kept = written.lines().filter(l -> l.equals(line.strip())).count();
    long dropped = Long.parseLong(written.substring(written.lastIndexOf("sitepulse: ") + 11).split(" ")[0]);
    assertThat(kept * line.length() + dropped).isEqualTo((long) lines * line.length());
  }
}
