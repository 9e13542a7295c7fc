package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;

/** Why an attempt ended without a usable response: a verdict, its kind and a readable sentence. */
record Failure(Verdict verdict, ErrorKind kind, String message) {

  Failure {
    message = ServerText.reason(message);
  }

  static Failure error(ErrorKind kind, String message) {
    return new Failure(Verdict.ERROR, kind, message);
  }

  static Failure timeout(String message) {
    return new Failure(Verdict.TIMEOUT, null, message);
  }
}
