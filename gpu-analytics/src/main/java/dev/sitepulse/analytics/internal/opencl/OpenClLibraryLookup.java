package dev.sitepulse.analytics.internal.opencl;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether Linux's dynamic loader could find an OpenCL library, asked without loading one. JOCL's
 * native code prints "Could not load libOpenCL.so…" to the process's stdout for each name it
 * fails to open, and stdout carries the caller's results (JSON, tables). So on Linux JOCL is only
 * asked once the loader's cache (/etc/ld.so.cache) or LD_LIBRARY_PATH names the library. Where
 * neither can be read (no cache, as on musl), or on another OS, JOCL is asked as before.
 */
final class OpenClLibraryLookup {

  private static final List<String> NAMES = List.of("libOpenCL.so.1", "libOpenCL.so");
  private static final Path LOADER_CACHE = Path.of("/etc/ld.so.cache");

  private OpenClLibraryLookup() {}

  static boolean mayBeLoadable() {
    return mayBeLoadable(System.getProperty("os.name", ""), System.getenv("LD_LIBRARY_PATH"), LOADER_CACHE);
  }

  static boolean mayBeLoadable(String osName, String ldLibraryPath, Path loaderCache) {
    if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
      return true;
    }
    for (Path dir : directories(ldLibraryPath)) {
      for (String name : NAMES) {
        if (Files.exists(dir.resolve(name))) {
          return true;
        }
      }
    }
    try {
      // The cache holds library names as plain bytes; ISO-8859-1 maps each byte to one char.
      return new String(Files.readAllBytes(loaderCache), StandardCharsets.ISO_8859_1).contains("libOpenCL.so");
    } catch (IOException | SecurityException e) {
      return true; // nothing to ask: let JOCL try
    }
  }

  private static List<Path> directories(String searchPath) {
    List<Path> dirs = new ArrayList<>();
    if (searchPath != null) {
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    return dirs;
  }
}
