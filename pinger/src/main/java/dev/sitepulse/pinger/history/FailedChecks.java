package dev.sitepulse.pinger.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failed checks (DOWN, TIMEOUT or ERROR) of a stretch of one target's history, such as an
 * incident.
 *
 * @param kinds how many of each kind, as {@link CheckOutcome#kind()} names them, most first
 * @param first the first of them: the check that started an incident; null when there is none
 *     (retention dropped them)
 */
public record FailedChecks(long count, Map<String, Long> kinds, CheckOutcome first) {

  /** None: no failed check is held for the stretch. */
  public static final FailedChecks NONE = new FailedChecks(0, Map.of(), null);

  public FailedChecks {
    kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds)); // in the order given
  }
}
