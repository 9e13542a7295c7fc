package dev.sitepulse.pinger;

import java.util.List;

/**
 * A finished check: the target and every attempt made at it. The verdict is the last attempt's;
 * the earlier attempts stay so a report can show what the retries saw.
 */
public record CheckResult(Target target, List<Attempt> attempts) {

  public CheckResult {
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a check result needs at least one attempt");
    }
  }

  public Attempt last() {
    return attempts.get(attempts.size() - 1);
  }

  public Verdict verdict() {
    return last().verdict();
  }

  public ErrorKind errorKind() {
    return last().errorKind();
  }

  public String message() {
    return last().message();
  }

  /**
   * Whether this check counts toward its target's state, alerts and availability: all but one
   * sitepulse could not start ({@link ErrorKind#counts}).
   */
  public boolean counts() {
    return errorKind() == null || errorKind().counts();
  }

  /**
   * {@code text} followed by how many attempts a check took when retries were made, as the ping
   * table, nagios lines and alerts say it: {@code connection refused (3 attempts)}.
   */
  public static String withAttempts(String text, int attempts) {
    return attempts > 1 ? (text == null ? "" : text) + " (" + attempts + " attempts)" : text;
  }

  public int status() {
    return last().status();
  }

  public Phases phases() {
    return last().phases();
  }
}
