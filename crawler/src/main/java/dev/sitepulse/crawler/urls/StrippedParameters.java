package dev.sitepulse.crawler.urls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The URL parameters a crawl strips before a URL is queued, compared, stored or indexed: session
 * ids, which a site that finds no cookie writes anew into every link, so that each page would be
 * fetched once per link; and campaign tags, which never change what a page shows. Names match in
 * any case; one that ends with {@code *} is a prefix. Applied to a URL crawler-commons has
 * normalized, whose query parameters are sorted and whose path is escaped.
 *
 * <p>What crawler-commons' {@code BasicURLNormalizer} lacks: its {@code
 * Builder.queryParamsToRemove} compares names exactly (it copies them into a TreeSet of its own,
 * so no case-blind set can be passed), has no prefix for ASPSESSIONID's random suffix or for
 * {@code utm_*}, and leaves path parameters ({@code /list.jsp;jsessionid=…}) in place; nor does it
 * know ASP.NET's cookieless segments ({@code /(S(…))/}), nor have crawler-commons filters that do.
 */
public final class StrippedParameters {

  /**
   * Session ids by name as Heritrix's default canonicalization strips them (StripSessionIDs:
   * jsessionid, phpsessid, ASPSESSIONID plus eight letters; StripSessionCFIDs: cfid and cftoken),
   * and Nutch's regex-normalize-default (jsessionid and phpsessid, as a query or a path parameter),
   * with Google Analytics' utm_ tags. Not {@code sid} nor {@code sessionid}, which Nutch strips:
   * on many sites they pick what a page shows (a story, a talk of a conference), and pages
   * stripped of them would be lost, where a session id kept only fetches a page again.
   */
  public static final List<String> DEFAULT_NAMES =
      List.of("jsessionid", "phpsessid", "aspsessionid*", "cfid", "cftoken", "utm_*");

  public static final StrippedParameters NONE = new StrippedParameters(List.of());
  public static final StrippedParameters DEFAULT = new StrippedParameters(DEFAULT_NAMES);

  /**
   * ASP.NET's cookieless segment, whole, after a slash: {@code (S(id))}, or with the anonymous id
   * and forms ticket, {@code (A(id)S(id)F(ticket))}; each value is a capital letter's, in
   * parentheses, as ASP.NET's own CookielessHelper reads them before it routes the rest.
   */
  private static final Pattern COOKIELESS = Pattern.compile("(?<=/)\\((?:[A-Z]\\([^()/]*\\))+\\)(?:/|$)");

  /** A parameter name as sites write them, with an optional {@code *} at the end. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]+\\*?");

  private final List<String> names;
  private final String[] exact;
  private final String[] prefixes;

  private StrippedParameters(List<String> names) {
    this.names = List.copyOf(names);
    List<String> e = new ArrayList<>();
    List<String> p = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith("*")) {
        p.add(n.substring(0, n.length() - 1));
      } else {
        e.add(n);
      }
    }
    exact = e.toArray(String[]::new);
    prefixes = p.toArray(String[]::new);
  }

  /**
   * The parameters {@code names} lists: {@code default} stands for {@link #DEFAULT_NAMES}, and
   * {@code none}, alone, or no name at all, for none.
   *
   * @throws IllegalArgumentException naming the first entry that is no parameter name, worded to
   *     follow the key or option ("strip-params takes …")
   */
  public static StrippedParameters of(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : names) {
      String n = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      if (n.equals("default")) {
        out.addAll(DEFAULT_NAMES);
      } else if (n.equals("none")) {
        if (names.size() == 1) {
          return NONE;
        }
        throw new IllegalArgumentException("takes none alone, to strip nothing, got it with other names");
      } else if (NAME.matcher(n).matches()) {
        out.add(n);
      } else {
        throw new IllegalArgumentException("takes parameter names (letters, digits, . _ ~ -, a * at the"
            + " end for a prefix), default or none, got \"" + (raw == null ? "" : raw) + "\"");
      }
    }
    return out.isEmpty() ? NONE : new StrippedParameters(List.copyOf(out));
  }

  /** The names, in lower case, as given (with {@code default} written out). */
  public List<String> names() {
    return names;
  }

  /**
   * {@code url}, normalized, without the listed parameters, and without ASP.NET's cookieless
   * session segment ({@code /(S(id))/page.aspx}) unless nothing is stripped: a site writes a new one
   * into every link it sends a client without cookies, as it does a ;jsessionid, and it is no
   * parameter a list could name. The same string when there is nothing to strip.
   */
  public String strip(String url) {
    if (names.isEmpty()) {
      return url;
    }
    int query = url.indexOf('?');
    int pathEnd = query < 0 ? url.length() : query;
    int paren = url.indexOf('(');
    if (paren >= 0 && paren < pathEnd) {
      String path = COOKIELESS.matcher(url.substring(0, pathEnd)).replaceAll("");
      if (path.length() < pathEnd) {
        return strip(path + url.substring(pathEnd));
      }
    }
    int semicolon = url.indexOf(';');
    if (query < 0 && (semicolon < 0 || semicolon > pathEnd)) {
      return url; // most links: nothing to strip
    }
    StringBuilder out = new StringBuilder(url.length());
    appendPath(url, pathEnd, out);
    if (query >= 0) {
      appendQuery(url, query + 1, out);
    }
    return out.length() == url.length() ? url : out.toString();
  }

  /** The path without listed ;name=value parameters, in whichever segment they are. */
  private void appendPath(String url, int end, StringBuilder out) {
    int at = 0;
    for (int semi = url.indexOf(';'); semi >= 0 && semi < end; semi = url.indexOf(';', at)) {
      int next = semi + 1;
      while (next < end && url.charAt(next) != ';' && url.charAt(next) != '/') {
        next++;
      }
      int equals = url.indexOf('=', semi + 1);
      int nameEnd = equals >= 0 && equals < next ? equals : next;
      out.append(url, at, semi);
      if (!listed(url, semi + 1, nameEnd)) {
        out.append(url, semi, next);
      }
      at = next;
    }
    out.append(url, at, end);
  }

  /** The query from {@code from} without listed parameters; no {@code ?} when none is left. */
  private void appendQuery(String url, int from, StringBuilder out) {
    boolean first = true;
    for (int start = from; start <= url.length(); ) {
      int amp = url.indexOf('&', start);
      int end = amp < 0 ? url.length() : amp;
      int equals = url.indexOf('=', start);
      int nameEnd = equals >= 0 && equals < end ? equals : end;
      if (end > start && !listed(url, start, nameEnd)) {
        out.append(first ? '?' : '&').append(url, start, end);
        first = false;
      }
      start = end + 1;
    }
  }

  private boolean listed(String url, int from, int to) {
    int length = to - from;
    for (String e : exact) {
      if (e.length() == length && url.regionMatches(true, from, e, 0, length)) {
        return true;
      }
    }
    for (String p : prefixes) {
      if (p.length() <= length && url.regionMatches(true, from, p, 0, p.length())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrippedParameters s && s.names.equals(names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return names.isEmpty() ? "none" : String.join(",", names);
  }
}
