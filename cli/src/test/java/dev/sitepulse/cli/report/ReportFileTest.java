package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

  @TempDir Path dir;

  /**
   * Writes into a pipe whose reader opens it and leaves before a byte is written, as {@code -o
   * /dev/stdout | head -2} can: the writer's open waits for the reader's, and the content waits
   * for the reader to have closed.
   */
  private CompletableFuture<Void> writeAfterTheReaderLeft(Path fifo) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    CountDownLatch readerLeft = new CountDownLatch(1);
    CompletableFuture<Void> written = CompletableFuture.runAsync(() -> ReportFile.write(fifo, out -> {
      try {
        readerLeft.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("{\"targets\":[]}\n".getBytes());
    }));
    try (InputStream reader = Files.newInputStream(fifo)) {
      // opened once the writer has opened too; closed unread
    }
    readerLeft.countDown();
    return written;
  }

  @Test
  void aPipeWhoseReaderLeftEarlyIsNoFailureAsOnStdout() throws Exception {
    CompletableFuture<Void> written = writeAfterTheReaderLeft(dir.resolve("pipe"));

    written.get(1, TimeUnit.MINUTES); // no UsageException: the rest was not wanted (a bound, no speed goal)
  }

  @Test
  void aFolderIsStillAnErrorNamingIt() {
    assertThatThrownBy(() -> ReportFile.write(dir, out -> out.write('x')))
        .isInstanceOf(UsageException.class).hasMessage("cannot write " + dir + ": it is a folder; give a file name");
  }

  @Test
  void aWriteThatFailsOtherwiseIsStillAnError() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    CompletableFuture<Void> written = CompletableFuture.runAsync(() -> ReportFile.write(fifo, out -> {
      throw new IOException("No space left on device");
    }));
    try (InputStream reader = Files.newInputStream(fifo)) {
      reader.readAllBytes();
    }

    assertThatThrownBy(() -> written.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(UsageException.class).hasMessage("cannot write " + fifo + ": No space left on device");
  }
}
