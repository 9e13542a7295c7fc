package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;

/**
 * The flat values of a check that the table, CSV and JSON all show, taken from its last attempt.
 *
 * @param errorKind null unless the verdict is ERROR
 * @param status null when no response arrived, so no format has to explain a status of 0
 */
record Row(
    String name,
    String group,
    String url,
    Verdict verdict,
    ErrorKind errorKind,
    Integer status,
    TimingsMs timings,
    long bytes,
    int redirects,
    String finalUrl,
    String message,
    int attempts) {

  static Row of(CheckResult result) {
    Attempt last = result.last();
    return new Row(
        result.target().name(),
        result.target().group(),
        result.target().url(),
        last.verdict(),
        last.verdict() == Verdict.ERROR ? last.errorKind() : null,
        status(last.status()),
        TimingsMs.of(last.phases()),
        last.bodyBytes(),
        last.redirects(),
        last.finalUrl(),
        last.message(),
        result.attempts().size());
  }

  static Integer status(int status) {
    return status == 0 ? null : status;
  }

  /**
   * The message, led by the error kind for an ERROR and followed by the number of attempts when
   * retries were made, e.g. {@code CONNECT_REFUSED: connection refused (3 attempts)}.
   */
  String reason() {
    String text = message == null ? "" : message;
    return CheckResult.withAttempts(errorKind == null ? text : errorKind + ": " + text, attempts);
  }
}
