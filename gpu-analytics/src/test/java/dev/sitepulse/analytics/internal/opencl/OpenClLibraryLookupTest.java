package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenClLibraryLookupTest {

  @TempDir Path dir;

  @Test
  void aLoaderCacheThatNamesTheLibraryLetsJoclTry() throws Exception {
    Path cache = cache("\0libc.so.6\0/lib/x86_64-linux-gnu/libc.so.6\0libOpenCL.so.1\0/usr/lib/x86_64-linux-gnu/libOpenCL.so.1\0");
    assertThat(OpenClLibraryLookup.mayBeLoadable("Linux", null, cache)).isTrue();
  }

  @Test
  void aLoaderCacheWithoutItAndNoLibraryPathMeansNoLibrary() throws Exception {
    Path cache = cache("\0libc.so.6\0/lib/x86_64-linux-gnu/libc.so.6\0libOpenGL.so.0\0");
    assertThat(OpenClLibraryLookup.mayBeLoadable("Linux", "", cache)).isFalse();
  }

  @Test
  void aLibraryOnLdLibraryPathCountsEvenWhenTheCacheDoesNotNameIt() throws Exception {
    Path cache = cache("\0libc.so.6\0");
    Path libs = Files.createDirectories(dir.resolve("vendor-libs"));
    Files.createFile(libs.resolve("libOpenCL.so.1"));
    assertThat(OpenClLibraryLookup.mayBeLoadable("Linux", "/nonexistent:" + libs, cache)).isTrue();
  }

  @Test
  void withNoCacheToAskOrOnAnotherSystemJoclDecides() {
    assertThat(OpenClLibraryLookup.mayBeLoadable("Linux", null, dir.resolve("no-such-cache"))).isTrue();
    assertThat(OpenClLibraryLookup.mayBeLoadable("Mac OS X", null, dir.resolve("no-such-cache"))).isTrue();
  }

  private Path cache(String content) throws Exception {
    return Files.write(dir.resolve("ld.so.cache"), content.getBytes(StandardCharsets.ISO_8859_1));
  }
}
