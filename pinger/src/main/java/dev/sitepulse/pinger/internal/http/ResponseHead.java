package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.ErrorKind;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * What makes a response head unusable before its body is read: a status no HTTP status can be,
 * or Content-Length values that disagree, which OkHttp would settle silently by reading one of
 * them. Checked where a response is first seen, by a probe and by a fetch alike.
 */
final class ResponseHead {

  private ResponseHead() {}

  /** Why the head is invalid, or null when it is usable. */
  static Failure invalid(Response response, HttpUrl url) {
    Failure status = FailureClassifier.ofStatus(response.code(), url);
    return status != null ? status : conflictingLengths(response, url);
  }

  /**
   * RFC 9112 §6.3: without Transfer-Encoding, lengths that differ (two headers, or one listing
   * two) leave the body's framing unknown, an unrecoverable error; the same length repeated is
   * one length (RFC 9110 §8.6). With Transfer-Encoding the length is not read at all.
   */
  private static Failure conflictingLengths(Response response, HttpUrl url) {
    if (response.header("Transfer-Encoding") != null) {
      return null;
    }
    Set<String> lengths = new LinkedHashSet<>();
    for (String header : response.headers("Content-Length")) {
      for (String value : header.split(",")) {
        lengths.add(value.strip());
      }
    }
    if (lengths.size() < 2) {
      return null;
    }
    return Failure.error(ErrorKind.PROTOCOL, "invalid HTTP response: Content-Length "
        + ServerText.excerpt(String.join(" and ", lengths), 60) + " disagree in the answer from " + url
        + " (RFC 9112 §6.3)");
  }
}
