package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir Path dir;

  private static ProcessBuilder lockHolder(String mode, Path dir) {
    return new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), mode, dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  @Test
  void aFolderAnotherProcessHoldsIsHeldUntilThatProcessLetsGo() throws Exception {
    assertThat(DataDirLock.held(dir, "watch")).as("never locked: no lock file").isFalse();

    Process holder = lockHolder("hold", dir).start();
    try {
      BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("locked");

      assertThat(DataDirLock.held(dir, "watch")).isTrue();
      assertThat(DataDirLock.held(dir, "crawl")).isFalse();
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(DataDirLock.held(dir, "watch")).as("the lock file stays, unlocked").isFalse();
  }

  @Test
  void askingAboutALockThisProcessHoldsLeavesItHeld() throws Exception {
    try (DataDirLock lock = DataDirLock.acquire(dir, "watch")) {
      assertThat(DataDirLock.held(dir, "watch")).isTrue();

      Process other = lockHolder("take", dir).start();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(other.exitValue()).as("another process still finds the folder in use").isEqualTo(2);
    }
    assertThat(DataDirLock.held(dir, "watch")).isFalse();
  }

  @Test
  void aFolderLockedOnlyByAReaderAskingWhetherItIsHeldIsTakenAtTheSecondLook() throws Exception {
    Path file = Files.createFile(DataDirLock.file(dir, "watch"));
    FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
    reader.tryLock(0, Long.MAX_VALUE, true); // as held() locks it, for an instant

    try (DataDirLock lock = DataDirLock.acquire(dir, "watch", () -> close(reader))) { // the reader lets go
      assertThat(reader.isOpen()).as("the first look found it taken").isFalse();
      assertThat(DataDirLock.held(dir, "watch")).isTrue();
    }
  }

  @Test
  void aFolderStillLockedAtTheSecondLookIsInUse() throws Exception {
    Path file = Files.createFile(DataDirLock.file(dir, "watch"));
    try (FileChannel other = FileChannel.open(file, StandardOpenOption.READ)) {
      other.tryLock(0, Long.MAX_VALUE, true);

      assertThatThrownBy(() -> DataDirLock.acquire(dir, "watch", () -> {}))
          .isInstanceOfSatisfying(DataDirLock.Unavailable.class, e -> assertThat(e.inUse()).isTrue())
          .hasMessage(dir + " is in use by another watch; wait for it to end, or give another --data");
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close(); // releases its lock
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
