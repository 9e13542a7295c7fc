package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * One check as the history keeps it: the last attempt's outcome and phases, when the check began,
 * and the certificate expiry it saw.
 *
 * @param errorKind set only for ERROR
 * @param status 0 when no response arrived
 * @param message kept only when the verdict is not UP; UP needs no explanation
 * @param certNotAfter the leaf certificate's expiry, null for plain HTTP
 */
public record CheckRecord(
    String target,
    String url,
    String group,
    Instant at,
    Verdict verdict,
    ErrorKind errorKind,
    int status,
    Phases phases,
    long bytes,
    int attempts,
    String message,
    Instant certNotAfter) implements HistoryRecord {

  public CheckRecord {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(verdict, "verdict");
    url = url == null ? target : url;
    group = group == null ? "" : group;
    phases = phases == null ? Phases.NONE : phases;
    errorKind = verdict == Verdict.ERROR ? errorKind : null;
    message = verdict == Verdict.UP ? null : message;
  }

  /** The record of a finished check; it began when its first attempt did, or at {@code fallback}. */
  public static CheckRecord of(CheckResult r, Instant fallback) {
    Attempt first = r.attempts().get(0);
    Attempt last = r.last();
    return new CheckRecord(
        r.target().name(),
        r.target().url(),
        r.target().group(),
        first.startedAt() != null ? first.startedAt() : fallback,
        last.verdict(),
        last.errorKind(),
        last.status(),
        last.phases(),
        last.bodyBytes(),
        r.attempts().size(),
        last.message(),
        last.tls() == null ? null : last.tls().notAfter());
  }

  /** A hand-made record, for tests and synthetic histories. */
  public static CheckRecord of(String target, Instant at, Verdict verdict, int status, long totalMillis) {
    Phases p = new Phases(0, 0, 0, 0, 0, totalMillis * 1_000_000);
    ErrorKind kind = verdict == Verdict.ERROR ? ErrorKind.CONNECT_REFUSED : null;
    return new CheckRecord(target, null, null, at, verdict, kind, status, p, 0, 1, null, null);
  }
}
