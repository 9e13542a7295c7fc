package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckOutcome;
import dev.sitepulse.pinger.history.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the report says about one target over its window.
 *
 * @param state the state it was last seen in
 * @param checksStopped its last check, once no watch checks it any more (the watch stopped, or the
 *     target left its config); null while one does. Its figures then reach one interval past it.
 * @param availability how many of its checks reached it (UP or DEGRADED)
 * @param errors why checks got no answer, by count: TIMEOUT first, then the kinds of ERROR, named
 *     as a crawl's summary names a failed fetch
 * @param downtime the incidents' total duration inside the window
 * @param tlsExpiry the expiry of the certificate its latest TLS check saw; null for plain HTTP
 * @param lastCheck what its latest check found, with its message when it was not UP; null when no
 *     check of it is held
 */
public record TargetReport(
    String name,
    String url,
    String group,
    String state,
    Instant checksStopped,
    long checks,
    Map<Verdict, Long> verdicts,
    Availability availability,
    List<Incident> incidents,
    Duration downtime,
    List<StatePeriod> periods,
    Latency latency,
    Map<Integer, Long> statuses,
    Map<String, Long> errors,
    Instant tlsExpiry,
    TimeSeries series,
    CheckOutcome lastCheck) {

  TargetReport withIncidents(List<Incident> list) {
    return new TargetReport(name, url, group, state, checksStopped, checks, verdicts, availability, list, downtime,
        periods, latency, statuses, errors, tlsExpiry, series, lastCheck);
  }

  /** What its latest check said when it was not UP, else null: the reason it is DOWN or DEGRADED now. */
  String lastProblem() {
    return lastCheck == null || lastCheck.verdict() == Verdict.UP ? null : lastCheck.reason();
  }
}
