package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a watch checks a target, recorded when it starts to (at start-up, or when a reload
 * adds or changes the target): a report reads a running watch's pace from it, which check times
 * tell only late, after a reload lengthened the interval, or wrongly, where a check waited for its
 * host's rate and so stands closer to the next.
 *
 * @param url and {@code group} as the target's checks record them
 */
public record IntervalRecord(String target, String url, String group, Duration interval) implements HistoryRecord {

  public IntervalRecord {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(interval, "interval");
    url = url == null ? target : url;
    group = group == null ? "" : group;
  }
}
