package dev.sitepulse.analytics.internal.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.jocl.LibUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOCL's native library, made whole where JOCL looks for it before JOCL first loads it.
 *
 * <p>JOCL copies the library out of its jar into java.io.tmpdir under one fixed name, writing the
 * file in place, and loads whatever file of that name it finds there. A run killed while the copy
 * is written, or two first runs at once, leave a cut file, and every later run's JVM then dies in
 * the dynamic loader (SIGBUS) on loading it; writing in place over a library another JVM has loaded
 * would break that one too. So the file is compared with the jar's copy first and, where it is
 * missing or differs, written whole beside it and moved over it in one step.
 */
final class JoclLibraryFile {

  private static final Logger LOG = LoggerFactory.getLogger(JoclLibraryFile.class);

  /**
   * The base name JOCL 2.0.6's CL.loadNativeLibrary gives its library; a JOCL of another version
   * names it after itself, which {@code JoclLibraryFileTest} notices, as this jar then holds no
   * such resource.
   */
  static final String BASE_NAME = "JOCL_2_0_6";

  private JoclLibraryFile() {}

  /** The file name JOCL uses on this platform, as libJOCL_2_0_6-linux-x86_64.so. */
  static String fileName() {
    return LibUtils.createLibraryFileName(LibUtils.createPlatformLibraryName(BASE_NAME));
  }

  /**
   * Makes the library file in java.io.tmpdir whole. Never throws: where it cannot, JOCL's own copy
   * goes ahead as before, and a failure to load is reported as no OpenCL library.
   */
  static void prepare() {
    String tmp = System.getProperty("java.io.tmpdir");
    if (tmp != null) {
      prepare(Path.of(tmp), fileName());
    }
  }

  /** Whether {@code dir/name} holds the jar's copy now; false when the jar has none for it. */
  static boolean prepare(Path dir, String name) {
    byte[] wanted;
    try (InputStream in = LibUtils.class.getResourceAsStream("/lib/" + name)) {
      if (in == null) {
        return false; // not a platform JOCL ships for: JOCL says so itself
      }
      wanted = in.readAllBytes();
    } catch (IOException e) {
      LOG.debug("Could not read JOCL's library from its jar", e);
      return false;
    }
    Path file = dir.resolve(name);
    try {
      if (Arrays.equals(Files.readAllBytes(file), wanted)) {
        return true;
      }
      LOG.debug("{} is not JOCL's library as its jar holds it (cut by a killed run?): writing it again", file);
    } catch (NoSuchFileException e) {
      // the first run on this machine
    } catch (IOException e) {
      LOG.debug("Could not read {}", file, e);
    }
    Path part = null;
    try {
      part = Files.createTempFile(dir, name, ".part");
      Files.write(part, wanted);
      readableByAll(part); // as JOCL's own copy is, for the other users of a shared /tmp
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) { // an atomic move the file system lacks is one too
      LOG.debug("Could not write JOCL's library to {}", file, e);
      return false;
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", part, e);
        }
      }
    }
  }

  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
