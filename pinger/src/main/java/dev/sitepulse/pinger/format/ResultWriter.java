package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import java.util.List;

/**
 * Writes the results of a run in one output format. Streaming formats print in {@link #onResult};
 * the others wait for {@link #finish}, which gets the results in input order.
 */
public interface ResultWriter {

  /** Called as each check completes, never by two threads at once. */
  default void onResult(CheckResult result) {}

  /** Called once, after the last check, with every result in input order. */
  void finish(List<CheckResult> results, RunSummary summary);
}
