package dev.sitepulse.pinger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The headers a crawler sends: each with every request, but credentials ({@code Authorization},
 * {@code Cookie}, {@code Proxy-Authorization}) only to the origins they were given for, as curl
 * keeps them from a redirect's other host. A site's token must not reach every site it links to.
 */
public final class OriginHeaders {

  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private final Map<String, String> headers;
  private final Map<String, String> withoutCredentials;
  private final Set<String> credentialOrigins;

  private OriginHeaders(Map<String, String> headers, Set<String> credentialOrigins) {
    this.headers = Map.copyOf(headers);
    Map<String, String> without = new LinkedHashMap<>(headers);
    without.keySet().removeIf(OriginHeaders::isCredential);
    this.withoutCredentials = Map.copyOf(without);
    this.credentialOrigins = Set.copyOf(credentialOrigins);
  }

  /** Headers that go with every request; credentials among them go nowhere. */
  public static OriginHeaders everywhere(Map<String, String> headers) {
    return new OriginHeaders(headers, Set.of());
  }

  /** {@code headers}, their credentials only to the origins of {@code urls} (one that does not parse has none). */
  public static OriginHeaders credentialsFor(List<String> urls, Map<String, String> headers) {
    return new OriginHeaders(headers, urls.stream().map(HttpUrl::parse).filter(Objects::nonNull)
        .map(OriginHeaders::origin).collect(Collectors.toSet()));
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
    return url != null && credentialOrigins.contains(origin(url)) ? headers : withoutCredentials;
  }

  /** As {@link #forUrl(HttpUrl)}, parsing the URL only where there are credentials to send or keep back. */
  public Map<String, String> forUrl(String url) {
    return headers.size() == withoutCredentials.size() ? headers : forUrl(HttpUrl.parse(url));
  }
}
