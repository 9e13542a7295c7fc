package dev.sitepulse.cli;

import java.io.PrintStream;

/**
 * One line of progress on stderr: a bar redrawn in place on a terminal, a line every 5 s
 * otherwise, so a log file gets a readable history and stdout stays for the results. Callers on
 * several threads may share one.
 */
public final class ProgressLine {

  private static final long LOG_EVERY_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private final String label;
  private final boolean terminal = Terminal.isTerminal(Terminal.STDERR);
  private long lastLine = System.nanoTime(); // a run shorter than a line's interval logs none
  private boolean drawn;
  /** The longest line drawn since the bar was last cleared: a shorter one must cover it. */
  private int width;

  /** @param label what a logged line starts with, as {@code crawl:} */
  public ProgressLine(PrintStream err, String label) {
    this.err = err;
    this.label = label;
  }

  /** {@code done} of {@code total}, then what to say of it. */
  public synchronized void show(long done, long total, String text) {
    if (terminal) {
      int filled = total <= 0 ? 0 : (int) (BAR_WIDTH * Math.min(done, total) / total);
      String bar = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + text;
      width = Math.max(width, bar.length());
      err.print("\r" + bar + " ".repeat(width - bar.length() + 3));
      err.flush();
      drawn = true;
    } else if (System.nanoTime() - lastLine >= LOG_EVERY_NANOS) {
      lastLine = System.nanoTime();
      err.println(label + ": " + text);
    }
  }

  /** Takes the bar off a terminal's line, for what is printed next. */
  public synchronized void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(Math.max(100, width + 3)) + "\r");
      err.flush();
      drawn = false;
      width = 0;
    }
  }
}
