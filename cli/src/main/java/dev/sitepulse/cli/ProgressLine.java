package dev.sitepulse.cli;

import dev.sitepulse.pinger.format.DisplayWidth;
import java.io.PrintStream;
import java.util.Map;

/**
 * One line of progress on stderr: a bar redrawn in place on a terminal, a line every 5 s
 * otherwise, so a log file gets a readable history and stdout stays for the results. Callers on
 * several threads may share one.
 */
public final class ProgressLine {

  private static final long LOG_EVERY_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 24;

  /** A terminal's width where the shell does not export COLUMNS: every terminal has as many. */
  private static final int DEFAULT_COLUMNS = 80;

  private final PrintStream err;
  private final String label;
  private final boolean terminal;
  /**
   * At most what a redrawn line may take: one that wraps leaves its first row behind on each
   * redraw, since {@code \r} goes back to the start of the last row only.
   */
  private final int maxWidth;
  private long lastLine = System.nanoTime(); // a run shorter than a line's interval logs none
  private boolean drawn;
  /** The longest line drawn since the bar was last cleared: a shorter one must cover it. */
  private int width;

  /** @param label what a logged line starts with, as {@code crawl:} */
  public ProgressLine(PrintStream err, String label) {
    this(err, label, Terminal.isTerminal(Terminal.STDERR), columns(System.getenv()));
  }

  ProgressLine(PrintStream err, String label, boolean terminal, int columns) {
    this.err = err;
    this.label = label;
    this.terminal = terminal;
    this.maxWidth = Math.max(BAR_WIDTH + 4, columns - 1); // the last column would wrap on some terminals
  }

  /** $COLUMNS, where the shell exports it, else {@link #DEFAULT_COLUMNS}. */
  static int columns(Map<String, String> env) {
    String c = env.get("COLUMNS");
    return c != null && c.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(c) : DEFAULT_COLUMNS;
  }

  /** {@code done} of {@code total}, then what to say of it. */
  public synchronized void show(long done, long total, String text) {
    if (terminal) {
      int filled = total <= 0 ? 0 : (int) (BAR_WIDTH * Math.min(done, total) / total);
      String bar = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] ";
      bar += Shortened.columns(text, maxWidth - bar.length());
      int drawnWidth = DisplayWidth.of(bar);
      width = Math.max(width, drawnWidth);
      err.print("\r" + bar + " ".repeat(width - drawnWidth));
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
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      drawn = false;
      width = 0;
    }
  }
}
