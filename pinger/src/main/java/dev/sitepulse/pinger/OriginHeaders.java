package dev.sitepulse.pinger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * The headers a crawler sends: each with every request, but credentials ({@code Authorization},
 * {@code Cookie}, {@code Proxy-Authorization}) only to the origins they were given for, as curl
 * keeps them from a redirect's other host. A site's token must not reach every site it links to.
 * A seed's {@code user:password@} is such a credential: Basic authorization to its origin, as wget
 * and curl send it, unless the headers name an Authorization of their own.
 */
public final class OriginHeaders {

  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private final Map<String, String> withoutCredentials;
  /** By {@link #origin}: the headers with their credentials, and a seed's Basic authorization. */
  private final Map<String, Map<String, String>> byOrigin;

  private OriginHeaders(Map<String, String> headers, Map<String, Map<String, String>> byOrigin) {
    Map<String, String> without = new LinkedHashMap<>(headers);
    without.keySet().removeIf(OriginHeaders::isCredential);
    this.withoutCredentials = Map.copyOf(without);
    this.byOrigin = Map.copyOf(byOrigin);
  }

  /** Headers that go with every request; credentials among them go nowhere. */
  public static OriginHeaders everywhere(Map<String, String> headers) {
    return new OriginHeaders(headers, Map.of());
  }

  /**
   * {@code headers}, their credentials only to the origins of {@code urls} (one that does not parse
   * has none), and the user info of a URL among them as Basic authorization to its origin (the
   * first URL's of an origin that several give).
   */
  public static OriginHeaders credentialsFor(List<String> urls, Map<String, String> headers) {
    boolean anyCredential = headers.keySet().stream().anyMatch(OriginHeaders::isCredential);
    boolean ownAuthorization = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
    Map<String, Map<String, String>> byOrigin = new HashMap<>();
    Set<String> withUserInfo = new HashSet<>();
    for (String url : urls) {
      HttpUrl parsed = HttpUrl.parse(url);
      String origin = parsed == null ? null : origin(parsed);
      if (parsed != null && hasUserInfo(parsed) && !ownAuthorization && withUserInfo.add(origin)) {
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put("Authorization", Credentials.basic(parsed.username(), parsed.password(), UTF_8));
        byOrigin.put(origin, Map.copyOf(with));
      } else if (parsed != null && anyCredential) {
        byOrigin.putIfAbsent(origin, Map.copyOf(headers));
      }
    }
    return new OriginHeaders(headers, byOrigin);
  }

  /** Whether a header of this name carries credentials, in any case. */
  public static boolean isCredential(String name) {
    return CREDENTIALS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Scheme, host and port: {@code https://example.org:443}. */
  public static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** The headers a request for {@code url} carries: a null URL, one that did not parse, gets no credentials. */
  public Map<String, String> forUrl(HttpUrl url) {
    return url == null ? withoutCredentials : byOrigin.getOrDefault(origin(url), withoutCredentials);
  }

  /** As {@link #forUrl(HttpUrl)}, parsing the URL only where there are credentials to send or keep back. */
  public Map<String, String> forUrl(String url) {
    return byOrigin.isEmpty() ? withoutCredentials : forUrl(HttpUrl.parse(url));
  }

  /** Whether {@code url} parses and names a user or a password, which {@link #credentialsFor} sends. */
  public static boolean hasUserInfo(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null && hasUserInfo(parsed);
  }

  private static boolean hasUserInfo(HttpUrl url) {
    return !url.username().isEmpty() || !url.password().isEmpty();
  }
}
