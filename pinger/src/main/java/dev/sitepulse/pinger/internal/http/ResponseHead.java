package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.ErrorKind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * What makes a response head unusable before its body is read: a status no HTTP status can be,
 * a Content-Length that is no length (OkHttp's own complaint, "byteCount < 0: -5", names neither
 * the header nor the URL), or Content-Length values that disagree, which OkHttp would settle
 * silently by reading one of them. Checked where a response is first seen, by a probe and by a
 * fetch alike.
 */
final class ResponseHead {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private ResponseHead() {}

  /**
   * Closes {@code response}. OkHttp discards the rest of a body on close as its head frames it,
   * and a head refused for a Content-Length of -5 makes that discard throw ("byteCount < 0"),
   * which would replace the refusal that says what was wrong.
   */
  static void close(Response response, boolean refused) {
    try {
      response.close();
    } catch (IllegalArgumentException framedByARefusedHead) {
      if (!refused) {
        throw framedByARefusedHead;
      }
    }
  }

  /** Why the head is invalid, or null when it is usable. */
  static Failure invalid(Response response, HttpUrl url) {
    Failure status = FailureClassifier.ofStatus(response.code(), url);
    return status != null ? status : badLengths(response, url);
  }

  /**
   * RFC 9112 §6.3: without Transfer-Encoding, a length that is not digits (RFC 9110 §8.6), or
   * lengths that differ (two headers, or one listing two), leave the body's framing unknown, an
   * unrecoverable error; the same length repeated is one length. With Transfer-Encoding the
   * length is not read at all.
   */
  private static Failure badLengths(Response response, HttpUrl url) {
    if (response.header("Transfer-Encoding") != null) {
      return null;
    }
    Set<String> lengths = new LinkedHashSet<>();
    for (String header : response.headers("Content-Length")) {
      for (String value : header.split(",")) {
        String length = value.strip();
        if (!DIGITS.matcher(length).matches()) {
          return Failure.error(ErrorKind.PROTOCOL, "invalid HTTP response: Content-Length \""
              + ServerText.excerpt(length, 60) + "\" is no length in the answer from " + url + " (RFC 9112 §6.3)");
        }
        lengths.add(length);
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
