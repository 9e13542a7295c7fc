package dev.sitepulse.pinger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One try at a check: every hop of its redirect chain, what was read, and its verdict.
 *
 * @param number 1 for the first try
 * @param errorKind set only when the verdict is ERROR
 * @param message a sentence a person can read, e.g. {@code connection refused by 127.0.0.1:9}
 * @param phases the phases summed over all hops, their totals too: the time of the exchanges,
 *     without what the attempt waited for a worker to run it
 * @param tls the final hop's handshake, null for plain HTTP or when none completed
 * @param remoteAddress the address of the final hop, null when no connection was made
 * @param retryAfter the server's Retry-After on a 429 or 503, null when absent
 * @param contentLength the final response's Content-Length header, -1 when it had none (or
 *     OkHttp removed it, having decoded a gzip body it asked for) or no response completed;
 *     {@code bodyBytes} is what was read
 * @param queued how long the attempt waited to start: for its host's rate (and what that host's
 *     redirect hops owed) and for a free slot. Not in the phases, whose total is the exchanges';
 *     zero for an attempt that was not sent or not queued
 */
public record Attempt(
    int number,
    Instant startedAt,
    Verdict verdict,
    ErrorKind errorKind,
    String message,
    List<Hop> hops,
    Phases phases,
    long bodyBytes,
    boolean bodyTruncated,
    TlsInfo tls,
    String remoteAddress,
    List<ConditionResult> conditions,
    Duration retryAfter,
    long contentLength,
    Duration queued) {

  public Attempt {
    hops = List.copyOf(hops);
    conditions = List.copyOf(conditions);
    if (queued.isNegative()) {
      throw new IllegalArgumentException("an attempt cannot wait less than nothing, got " + queued);
    }
  }

  /** An attempt as its exchange made it, not queued: {@link Pinger} adds the wait it times. */
  public Attempt(int number, Instant startedAt, Verdict verdict, ErrorKind errorKind, String message,
      List<Hop> hops, Phases phases, long bodyBytes, boolean bodyTruncated, TlsInfo tls,
      String remoteAddress, List<ConditionResult> conditions, Duration retryAfter, long contentLength) {
    this(number, startedAt, verdict, errorKind, message, hops, phases, bodyBytes, bodyTruncated, tls,
        remoteAddress, conditions, retryAfter, contentLength, Duration.ZERO);
  }

  /** An attempt whose Content-Length is unknown: a failure, or a result made elsewhere. */
  public Attempt(int number, Instant startedAt, Verdict verdict, ErrorKind errorKind, String message,
      List<Hop> hops, Phases phases, long bodyBytes, boolean bodyTruncated, TlsInfo tls,
      String remoteAddress, List<ConditionResult> conditions, Duration retryAfter) {
    this(number, startedAt, verdict, errorKind, message, hops, phases, bodyBytes, bodyTruncated, tls,
        remoteAddress, conditions, retryAfter, -1);
  }

  /** This attempt with another message: what its check's result adds to why it failed. */
  public Attempt withMessage(String message) {
    return new Attempt(number, startedAt, verdict, errorKind, message, hops, phases, bodyBytes,
        bodyTruncated, tls, remoteAddress, conditions, retryAfter, contentLength, queued);
  }

  /** This attempt having waited {@code queued} to start. */
  public Attempt withQueued(Duration queued) {
    return new Attempt(number, startedAt, verdict, errorKind, message, hops, phases, bodyBytes,
        bodyTruncated, tls, remoteAddress, conditions, retryAfter, contentLength, queued);
  }

  /** The status of the final hop, 0 when no response arrived. */
  public int status() {
    return hops.isEmpty() ? 0 : hops.get(hops.size() - 1).status();
  }

  public int redirects() {
    return Math.max(0, hops.size() - 1);
  }

  /** The URL the chain ended at. */
  public String finalUrl() {
    return hops.isEmpty() ? null : hops.get(hops.size() - 1).url();
  }

  /** Whether another try could turn out differently. */
  public boolean isRetryable() {
    return switch (verdict) {
      case UP, DEGRADED -> false;
      case DOWN, TIMEOUT -> true;
      case ERROR -> errorKind.isTransient();
    };
  }
}
