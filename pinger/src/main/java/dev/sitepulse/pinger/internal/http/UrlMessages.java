package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.SchemeHint;
import dev.sitepulse.pinger.ShownUrl;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/** How checks and fetches name a URL, or what is wrong with one, in their messages. */
public final class UrlMessages {
  private static final String PORT = "Invalid URL port: \"";
  private static final String HOST = "Invalid URL host: ";

  private UrlMessages() {}

  /**
   * Why OkHttp cannot parse {@code url}, for an INVALID_URL message or a config error; null when it
   * can. The URL it quotes is {@linkplain ShownUrl shown} without its user:password@.
   */
  public static String whyInvalid(String url) {
    return whyInvalid(url, ShownUrl::of);
  }

  /** As {@link #whyInvalid(String)}, quoting the URL as {@code show} shows it (a webhook's, its path hidden). */
  public static String whyInvalid(String url, UnaryOperator<String> show) {
    if (url.isBlank()) {
      return "the URL is empty"; // not "not an http(s) URL: " and nothing after it
    }
    try {
      HttpUrl.get(url);
      return null;
    } catch (IllegalArgumentException e) {
      String shown = show.apply(url);
      String why = String.valueOf(e.getMessage());
      if (why.startsWith(PORT)) { // OkHttp says the same of a port that is no number
        String port = why.substring(PORT.length(), why.length() - 1);
        return "port " + port + (port.matches("\\d+") ? " is outside 1 to 65535: " : " is not a number: ") + shown;
      }
      if (why.startsWith(HOST)) {
        return "host " + why.substring(HOST.length()) + " is not valid: " + shown;
      }
      return why.startsWith("Expected URL scheme") ? "not an http(s) URL: " + shown + SchemeHint.of(shown)
          : "not a valid URL: " + shown;
    }
  }

  /** Whether {@link #whyInvalid} names a port or host: the URL is http(s), but that part is bad. */
  public static boolean namesPortOrHost(String why) {
    return why.startsWith("port ") || why.startsWith("host ");
  }

  /** host:port, with an IPv6 address in brackets as in a URL ([::1]:8080, not ::1:8080). */
  public static String hostPort(HttpUrl url) {
    return hostPort(url.host(), url.port());
  }

  /** As {@link #hostPort(HttpUrl)}, for a host as a URL writes it ({@link #ipAsInUrl}). */
  public static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * An IP address as a URL writes it: an IPv6 one in its short form ({@code ::1}, not the JDK's
   * {@code 0:0:0:0:0:0:0:1}) and without its interface, which no URL can name; anything else,
   * an IPv4 address or text that is no address, as it is.
   */
  public static String ipAsInUrl(String ip) {
    if (ip.indexOf(':') < 0) {
      return ip;
    }
    int scope = ip.indexOf('%');
    HttpUrl url = HttpUrl.parse("http://[" + (scope < 0 ? ip : ip.substring(0, scope)) + "]/");
    return url == null ? ip : url.host();
  }
}
