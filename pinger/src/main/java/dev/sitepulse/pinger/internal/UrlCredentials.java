package dev.sitepulse.pinger.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sitepulse.pinger.ShownUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * A URL's {@code user:password@} moved into an {@code Authorization} header, for a target and a
 * webhook alike. OkHttp sends nothing for it; curl and Gatus send it as Basic authorization, and
 * so do we. It leaves the URL, which every output, log and the history show.
 *
 * @param url the URL without its user info
 * @param headers the headers, with Basic authorization added unless they name one already
 */
public record UrlCredentials(String url, Map<String, String> headers) {

  /** A URL OkHttp cannot parse is sent nowhere, only shown in the error that says so: it just loses its user info. */
  public static UrlCredentials moveToHeader(String url, Map<String, String> headers) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return new UrlCredentials(ShownUrl.of(url), headers);
    }
    if (parsed.username().isEmpty() && parsed.password().isEmpty()) {
      return new UrlCredentials(url, headers);
    }
    return new UrlCredentials(parsed.newBuilder().username("").password("").build().toString(),
        withAuthorization(headers, Credentials.basic(parsed.username(), parsed.password(), UTF_8)));
  }

  /** The headers plus {@code Authorization}, unless they name one already (in any case). */
  private static Map<String, String> withAuthorization(Map<String, String> headers, String value) {
    if (headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      return headers;
    }
    Map<String, String> with = new LinkedHashMap<>(headers);
    with.put("Authorization", value);
    return Map.copyOf(with);
  }
}
