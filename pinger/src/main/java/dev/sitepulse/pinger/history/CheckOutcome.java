package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.time.Instant;

/**
 * What one recorded check found, without its timings: what a report shows as the reason a target
 * failed.
 *
 * @param errorKind set only for ERROR
 * @param status 0 when no response arrived
 * @param message what the check said, as the history keeps it (not for UP); may be null
 */
public record CheckOutcome(Instant at, Verdict verdict, ErrorKind errorKind, int status, String message) {

  /** Why it failed, in a word: its error kind for ERROR, else its verdict (DOWN, TIMEOUT). */
  public String kind() {
    return errorKind != null ? errorKind.name() : verdict.name();
  }

  /** Its message, or where it has none (a history written by hand) its kind and status. */
  public String reason() {
    if (message != null && !message.isBlank()) {
      return message;
    }
    return status > 0 ? kind() + " (" + status + ")" : kind();
  }
}
