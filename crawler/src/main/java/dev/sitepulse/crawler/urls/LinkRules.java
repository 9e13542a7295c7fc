package dev.sitepulse.crawler.urls;

import crawlercommons.filters.basic.BasicURLNormalizer;
import dev.sitepulse.pinger.Fetcher;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns hrefs into crawlable URLs: http(s) only, at most 8 KB, ports 1 to 65535, normalized with
 * crawler-commons' BasicURLNormalizer (fragments dropped, default ports removed), without the
 * crawl's {@link StrippedParameters}. Safe to share between threads.
 */
public final class LinkRules {

  /** Strips no parameter: for robots.txt and sitemap files, which no page links to. */
  public static final LinkRules PLAIN = new LinkRules(StrippedParameters.NONE);

  private static final int MAX_URL_LENGTH = 8192;
  private static final ThreadLocal<BasicURLNormalizer> NORMALIZER =
      ThreadLocal.withInitial(BasicURLNormalizer::new);
  /** Scheme and user info, then a host in brackets: an IPv6 address. */
  private static final Pattern IPV6_HOST =
      Pattern.compile("^(https?://(?:[^/?#\\[\\]@]*@)?)\\[([0-9a-f:.]+)]", Pattern.CASE_INSENSITIVE);
  /** Stands in for an IPv6 host while the normalizer runs; .invalid is no one's (RFC 2606). */
  private static final String IPV6_STAND_IN = "ipv6-address.invalid";

  private final StrippedParameters stripped;

  public LinkRules(StrippedParameters stripped) {
    this.stripped = stripped;
  }

  /** The normalized URL, or null for anything the crawl cannot fetch. */
  public String normalize(String url) {
    String n = normalizeAnyLength(url);
    // Checked again once normalized: percent-encoding can triple a URL's length.
    return n != null && n.length() <= MAX_URL_LENGTH ? n : null;
  }

  private String normalizeAnyLength(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    if (u.length() > MAX_URL_LENGTH || !isHttp(u)) {
      return null;
    }
    u = withUserInfoAtSignsEncoded(u);
    try {
      String n = normalizeHost(u);
      return n != null && hasPortInRange(n) && hasUriHost(n) && Fetcher.canFetch(n) ? stripped.strip(n) : null;
    } catch (MalformedURLException | URISyntaxException | RuntimeException malformed) {
      return null;
    }
  }

  /**
   * crawler-commons 1.6 percent-encodes the brackets of an IPv6 host and then refuses the URL (its
   * issue 587), so {@code http://[::1]:8080/} was no URL to the crawl: the address is set aside
   * while the rest is normalized, and put back lower-cased; {@link #hasUriHost} then checks it.
   */
  private static String normalizeHost(String u) throws MalformedURLException {
    Matcher m = IPV6_HOST.matcher(u);
    if (!m.find()) {
      return NORMALIZER.get().filter(u);
    }
    String n = NORMALIZER.get().filter(m.group(1) + IPV6_STAND_IN + u.substring(m.end()));
    int host = n == null ? -1 : n.indexOf("://") + 3;
    if (host < 3 || !n.startsWith(IPV6_STAND_IN, host)) {
      return null;
    }
    return n.substring(0, host) + "[" + m.group(2).toLowerCase(Locale.ROOT) + "]"
        + n.substring(host + IPV6_STAND_IN.length());
  }

  /** java.net.URL takes any port number; no connection can be made to 0 or past 65535. */
  private static boolean hasPortInRange(String url) throws MalformedURLException {
    int port = new URL(url).getPort();
    return port == -1 || port >= 1 && port <= 65535;
  }

  /**
   * The frontier and the scope read the host with java.net.URI, which finds none in some names
   * that java.net.URL and the normalizer take ({@code dev_box.example.com}). The fetcher's OkHttp
   * refuses yet others ({@link Fetcher#canFetch}), which are checked too.
   */
  private static boolean hasUriHost(String url) throws URISyntaxException {
    return new URI(url).getHost() != null;
  }

  /**
   * Why {@link #normalize} refuses {@code url}, for a message; null when it does not. Stripping
   * parameters makes no URL unfetchable, so any crawl's rules refuse the same URLs.
   */
  public static String whyNot(String url) {
    if (PLAIN.normalize(url) != null) {
      return null;
    }
    String u = url == null ? "" : url.strip();
    // Refused, yet it normalizes: only the length of the normalized form can be at fault.
    if (u.length() > MAX_URL_LENGTH || PLAIN.normalizeAnyLength(u) != null) {
      return "longer than 8 KB";
    }
    if (!isHttp(u)) {
      return "not an http(s) URL";
    }
    u = withUserInfoAtSignsEncoded(u);
    try {
      URL parsed = new URL(u);
      int port = parsed.getPort();
      if (port == 0 || port > 65535) {
        return "on port " + port + ", outside 1 to 65535";
      }
      return parsed.getHost().isEmpty() || hasUriHost(u) && Fetcher.canFetch(u) ? notValid(u)
          : "host name " + parsed.getHost() + " is not valid";
    } catch (MalformedURLException | URISyntaxException | RuntimeException malformed) {
      return notValid(u);
    }
  }

  /**
   * "not a valid URL", with java.net.URI's reason where it has one ("expected closing bracket for
   * IPv6 address at character 12"): a page's {@code href="http://[bad"} is hard to spot otherwise.
   */
  private static String notValid(String url) {
    try {
      new URI(url);
      return "not a valid URL";
    } catch (URISyntaxException e) {
      String reason = e.getReason();
      return "not a valid URL: " + Character.toLowerCase(reason.charAt(0)) + reason.substring(1)
          + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "");
    }
  }

  /**
   * Where a redirect points, normalized; null when its Location is not a URL the crawl can fetch
   * ("http://exa mple.com/"), which a hostile or broken server may send. One that only adds what
   * is stripped (a session id) keeps it: the server serves the page nowhere else. Resolved
   * leniently, as browsers do (java.net.URI refuses a space in a relative path), and then checked
   * to parse.
   */
  public String resolveRedirect(String from, String location) {
    try {
      String absolute = new URL(new URL(from), location.strip()).toString();
      String target = normalize(absolute);
      if (from.equals(target)) {
        // It only adds a session id: ASP.NET's cookieless (S(…)) to every URL without one, or a
        // ;jsessionid. Stripped it is the page itself, a loop; the page is where it points.
        String kept = PLAIN.normalize(absolute);
        target = kept != null ? kept : target;
      }
      if (target != null) {
        new URI(target); // the frontier and the scope parse it again
      }
      return target;
    } catch (MalformedURLException | URISyntaxException | RuntimeException invalid) {
      return null;
    }
  }

  /**
   * mailto:, javascript:, tel: and the like: counted and skipped, never fetched. Asked of every
   * link of every page, so it reads the scheme in place rather than copying it.
   */
  public static boolean isNonHttpScheme(String url) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    boolean http = (colon == 4 || colon == 5 && (url.charAt(4) | 0x20) == 's')
        && url.regionMatches(true, 0, "http", 0, 4);
    return !http;
  }

  /**
   * {@code http://ops:p@ss@host/} as {@code http://ops:p%40ss@host/}: the URL standard (which
   * browsers and curl follow) and OkHttp, with which ping checks it, take the user info up to the
   * last {@code @} before the path; java.net.URI, java.net.URL and the normalizer end it at the
   * first, and find no host. The authority ends where OkHttp ends it.
   */
  private static String withUserInfoAtSignsEncoded(String u) {
    int start = u.indexOf("://") + 3;
    int end = start;
    while (end < u.length() && "/\\?#".indexOf(u.charAt(end)) < 0) {
      end++;
    }
    int last = u.lastIndexOf('@', end - 1);
    if (last < start || u.indexOf('@', start) == last) {
      return u;
    }
    return u.substring(0, start) + u.substring(start, last).replace("@", "%40") + u.substring(last);
  }

  private static boolean isHttp(String u) {
    return u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8);
  }
}
