package dev.sitepulse.cli;

import java.io.IOException;

/**
 * Whether a write failed because its reader left ({@code | head}): no failure of a command in a
 * pipeline, whose reader did not want the rest. Stdout and {@code report -o /dev/stdout} alike.
 */
public final class ReaderLeft {

  private ReaderLeft() {}

  /** The JDK words EPIPE so on every platform it runs on here. */
  public static boolean of(IOException e) {
    return String.valueOf(e.getMessage()).contains("Broken pipe");
  }
}
