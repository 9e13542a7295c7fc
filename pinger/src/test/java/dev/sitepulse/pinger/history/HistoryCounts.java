package dev.sitepulse.pinger.history;

/** What tests count in a history, through the report's own query. */
public final class HistoryCounts {
  private HistoryCounts() {}

  /** The checks the window holds, of every target. */
  public static long checks(HistoryReader history, HistoryQuery window) {
    return history.aggregate(window, 1).stream().mapToLong(TargetHistory::checks).sum();
  }
}
