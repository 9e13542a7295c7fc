package dev.sitepulse.cli;

import java.util.Locale;

/** How every command writes an amount in a sentence: a count with its noun, a size in bytes. */
public final class Amounts {

  private Amounts() {}

  /** 1 incident, 3 incidents, 0 incidents */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** As {@link #count(long, String)}, for a noun whose plural is not its singular with an s. */
  public static String count(long n, String noun, String plural) {
    return n + " " + (n == 1 ? noun : plural);
  }

  /** 512 B, 1.5 KiB, 48.3 MiB */
  public static String bytes(long n) {
    if (n >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
    }
    return n >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", n / 1024.0) : n + " B";
  }
}
