package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sitepulse.cli.testing.HeldStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueuedOutputTest {

  /**
   * Whether a write or a close ends at all, on a machine as loaded as it gets: one that waited for
   * the held reader would never end. A bound, never a speed goal.
   */
  private static final Duration ENDS = Duration.ofMinutes(1);

  @Test
  void pastItsLimitAWriterIsNeverHeldAndTheLinesThatDidNotFitAreCountedOnceTheReaderCatchesUp() {
    HeldStream held = new HeldStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
    String line = "x".repeat(99) + "\n";
    int lines = 2 * QueuedOutput.LIMIT / line.length(); // twice what may wait
    try (QueuedOutput queued = QueuedOutput.stderr()) {
      // The event loop writes its warnings so: a writer that waited there would hold every fetch.
      try {
        assertTimeoutPreemptively(ENDS, () -> {
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

  @Test
  void aCloseThatWaitsForTheReaderPutsTheStreamBackOnlyOnceTheQueueIsOut() throws Exception {
    HeldStream held = new HeldStream();
    PrintStream before = System.err;
    PrintStream original = new PrintStream(held, true, StandardCharsets.UTF_8);
    System.setErr(original);
    try {
      QueuedOutput queued = QueuedOutput.stderr();
      System.err.println("queued");
      held.firstWrite.await(); // the writer thread is held in the line's write
      Thread closing = new Thread(queued::close, "closing");
      closing.start();
      awaitWaiting(closing); // in its wait for the writer thread

      // A line another thread logs now goes behind the one still queued, not to the reader at once.
      assertThat(System.err).isNotSameAs(original);

      held.release();
      closing.join(ENDS.toMillis());
      assertThat(closing.isAlive()).isFalse();
      assertThat(System.err).isSameAs(original);
    } finally {
      held.release();
      System.setErr(before);
    }
    assertThat(held.written()).isEqualTo("queued\n");
  }

  /** Polls until {@code thread} waits (in a join, a wait): a state it comes to, not a time. */
  private static void awaitWaiting(Thread thread) {
    assertTimeoutPreemptively(ENDS, () -> {
      while (thread.getState() != Thread.State.WAITING) {
        Thread.sleep(1);
      }
    });
  }

  @Test
  void aLimitedCloseGivesUpOnAReaderThatDoesNotReadAndCountsWhatItDropped() throws Exception {
    HeldStream held = new HeldStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
    String line = "x".repeat(99) + "\n";
    try {
      QueuedOutput queued = QueuedOutput.stderr();
      for (int i = 0; i < 10; i++) {
        System.err.print(line);
      }
      held.firstWrite.await(); // the writer thread is held in the first line's write
      long dropped = assertTimeoutPreemptively(ENDS, () -> queued.close(Duration.ofMillis(100)));
      assertThat(dropped).isEqualTo(10L * line.length());
      // A stop's last words (Main's, say) must not wait for the reader either.
      assertTimeoutPreemptively(ENDS, () -> System.err.println("after"));
    } finally {
      held.release();
      System.setErr(before);
    }
    assertThat(held.written()).doesNotContain("after");
  }

  @Test
  void aLimitedCloseOfAStreamThatIsReadWritesEverythingAndPutsTheStreamBack() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream before = System.out;
    PrintStream original = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(original);
    try {
      QueuedOutput queued = QueuedOutput.stdout();
      System.out.println("first");
      System.out.println("second");
      assertThat(queued.close(ENDS)).isZero();
      assertThat(System.out).isSameAs(original);
    } finally {
      System.setOut(before);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("first\nsecond\n");
  }
}
