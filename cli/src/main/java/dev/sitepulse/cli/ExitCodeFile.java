package dev.sitepulse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Tells the launcher a run's exit code before the JVM exits. A run that records its class archive
 * dumps it after the command has ended, and JDK 17's dump can crash there (a SIGSEGV in
 * {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}, seen on a loaded machine),
 * which would put the crash's status in place of the command's own. {@code bin/sitepulse} names
 * the file in {@value #PROPERTY} on such a run only.
 */
public final class ExitCodeFile {

  static final String PROPERTY = "sitepulse.exit.file";

  /** Read at start-up ({@link #prepare}): at exit the jar may have been rewritten by a build, this class with it. */
  private static volatile String file;

  private ExitCodeFile() {}

  /** Reads which file the launcher named, loading this class while its jar is still the one started. */
  static void prepare() {
    file = System.getProperty(PROPERTY);
  }

  /** Notes {@code code} where the launcher asked for it; without a launcher asking, does nothing. */
  public static void write(int code) {
    String named = file;
    if (named == null) {
      return;
    }
    try {
      Files.writeString(Path.of(named), code + "\n");
    } catch (IOException | InvalidPathException e) {
      // The launcher then keeps java's own status, as without this file.
    }
  }
}
