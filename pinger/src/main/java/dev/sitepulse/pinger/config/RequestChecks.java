package dev.sitepulse.pinger.config;

import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Asks OkHttp, when the config is read, whether it would send a request's headers and body, so
 * what it refuses fails once with its key and line instead of every check with PROTOCOL. The
 * rules stay OkHttp's; only the wording is ours.
 */
public final class RequestChecks {

  private static final HttpUrl ANY_URL = HttpUrl.get("http://localhost/");

  private RequestChecks() {}

  /** @param headers as written under {@code headers:}; each error's key is {@code headers.NAME} */
  static void headers(Map<String, String> headers) {
    headers.forEach((name, value) -> header("headers." + name, name, value));
  }

  /** @throws InvalidValueException naming {@code key}, when OkHttp would refuse the header */
  public static void header(String key, String name, String value) {
    try {
      new Headers.Builder().add(name, "");
    } catch (IllegalArgumentException e) {
      throw InvalidValueException.ofKey(key, "not a valid header name: " + reason(e));
    }
    try {
      new Headers.Builder().add(name, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(key, "not a valid header value: " + reason(e));
    }
  }

  /** @param method as written, null for the default GET */
  static void body(String method, String body) {
    if (body == null) {
      return;
    }
    String m = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    try {
      new Request.Builder().url(ANY_URL).method(m, RequestBody.create(body, null));
    } catch (IllegalArgumentException e) {
      String which = method == null ? m + " (the default)" : m;
      throw new InvalidValueException("body", "method " + which + " takes no body");
    }
  }

  /** OkHttp's words up to where it quotes the header, whose value may hold a line break. */
  private static String reason(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int quote = message.indexOf(" in ");
    String reason = quote < 0 ? message : message.substring(0, quote);
    return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }
}
