package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.jocl.LibUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoclLibraryFileTest {

  @TempDir Path dir;

  @Test
  void theJarHoldsTheLibraryThisVersionOfJoclLoadsOnThisPlatform() throws IOException {
    assertThat(JoclLibraryFile.fileName()).startsWith(LibUtils.createLibraryFileName("JOCL_2_0_6").split("\\.")[0]);
    assertThat(jarCopy()).isNotEmpty();
  }

  @Test
  void aLibraryCutByAKilledRunIsWrittenWholeAgain() throws IOException {
    byte[] whole = jarCopy();
    Path file = dir.resolve(JoclLibraryFile.fileName());
    Files.write(file, Arrays.copyOf(whole, whole.length / 3));

    assertThat(JoclLibraryFile.prepare(dir, JoclLibraryFile.fileName())).isTrue();

    assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    assertThat(dir).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  void aMissingLibraryIsWritten() throws IOException {
    assertThat(JoclLibraryFile.prepare(dir, JoclLibraryFile.fileName())).isTrue();

    assertThat(Files.readAllBytes(dir.resolve(JoclLibraryFile.fileName()))).isEqualTo(jarCopy());
    // Other users of a shared /tmp load it too, as they could JOCL's own copy.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(JoclLibraryFile.fileName()))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aWholeLibraryIsLeftAsItIsForTheJvmsThatHaveItLoaded() throws IOException {
    Path file = dir.resolve(JoclLibraryFile.fileName());
    Files.write(file, jarCopy());
    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, written);
    Object inode = Files.readAttributes(file, "unix:ino").get("ino");

    assertThat(JoclLibraryFile.prepare(dir, JoclLibraryFile.fileName())).isTrue();

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isEqualTo(inode);
  }

  @Test
  void aNameTheJarHasNoLibraryForIsLeftToJocl() {
    assertThat(JoclLibraryFile.prepare(dir, "libJOCL_0_0_1-plan9-mips.so")).isFalse();
    assertThat(dir).isEmptyDirectory();
  }

  private static byte[] jarCopy() throws IOException {
    try (InputStream in = LibUtils.class.getResourceAsStream("/lib/" + JoclLibraryFile.fileName())) {
      assertThat(in).as("JOCL's jar holds /lib/%s", JoclLibraryFile.fileName()).isNotNull();
      return in.readAllBytes();
    }
  }
}
