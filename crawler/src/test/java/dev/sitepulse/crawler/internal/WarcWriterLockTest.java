package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock a WARC writer holds on its file outlasts a next run in the same JVM: on Linux, closing
 * any channel to a file drops every lock the process holds on it, so that run must open none.
 */
class WarcWriterLockTest {

  private static final Path LOCKS = Path.of("/proc/locks");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void aNextRunInTheWritersJvmLeavesItsFileAndItsLockAsTheyAre() throws Exception {
    assumeTrue(Files.isReadable(LOCKS), "the kernel's list of locks, to see one from outside the JVM");
    Path dir = data.resolve("warc");
    try (WarcSink busy = WarcSink.open(dir, CLOCK)) {
      Path open = dir.resolve(WarcFileNames.whileOpen(CLOCK.instant()));
      assertThat(lockedByThisProcess(open)).as("locked while written").isTrue();

      assertThat(CutWarcTail.closeLeftOpen(dir)).containsExactly("warc: " + open + " is still being written; left as it is");

      // Before: the run's read of it dropped the lock, which a run in another JVM would then take.
      assertThat(lockedByThisProcess(open)).as("still locked").isTrue();
    }
  }

  @Test
  void aNextRunThatNamesTheWritersFolderAnotherWayLeavesItsLockAsItIs() throws Exception {
    // A symlinked data folder, or ./data beside data: the writer's file under another name.
    assumeTrue(Files.isReadable(LOCKS), "the kernel's list of locks, to see one from outside the JVM");
    Path real = Files.createDirectories(data.resolve("real"));
    Path linked = Files.createSymbolicLink(data.resolve("linked"), real);
    try (WarcSink busy = WarcSink.open(linked.resolve("warc"), CLOCK)) {
      Path open = real.resolve("warc").resolve(WarcFileNames.whileOpen(CLOCK.instant()));

      assertThat(CutWarcTail.closeLeftOpen(real.resolve("warc")))
          .containsExactly("warc: " + open + " is still being written; left as it is");

      // Before: only the name the writer gave was known as held; this one was opened, dropping the lock.
      assertThat(lockedByThisProcess(open)).as("still locked").isTrue();
    }
  }

  /** Whether the kernel lists a POSIX lock (what FileChannel takes on Linux) of this process on {@code file}. */
  private static boolean lockedByThisProcess(Path file) throws Exception {
    long inode = (Long) Files.getAttribute(file, "unix:ino");
    String pid = Long.toString(ProcessHandle.current().pid());
    return Files.readAllLines(LOCKS).stream().map(line -> line.trim().split("\\s+"))
        .anyMatch(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid) && f[5].endsWith(":" + inode));
  }
}
