package dev.sitepulse.crawler.parse;

/**
 * Resolves relative hrefs against one page's base URL by RFC 3986 §5.2, on strings.
 *
 * <p>Why not java.net.URL or jsoup's resolve: they re-parse the base for every link and run a regex
 * over each href, which was ~13% of parse time on link-heavy pages (a docs index page holds
 * thousands of links). The base is split once per page here; nothing else is normalized.
 */
final class LinkResolver {
  private final String schemeAndAuthority; // "https://host:port", or null when the base is unusable
  private final String scheme; // "https:"
  private final String path; // "/dir/page.html", never empty
  private final String pathAndQuery; // "/dir/page.html?q": the base minus scheme, host, fragment

  LinkResolver(String baseUri) {
    String base = stripFragment(baseUri == null ? "" : baseUri.trim());
    int colon = hasScheme(base) ? base.indexOf(':') : -1;
    if (colon < 0 || !base.startsWith("//", colon + 1)) {
      schemeAndAuthority = null;
      scheme = path = pathAndQuery = null;
      return;
    }
    int pathStart = indexOfEither(base, '/', '?', colon + 3, base.length());
    schemeAndAuthority = base.substring(0, pathStart);
    scheme = base.substring(0, colon + 1);
    pathAndQuery = pathStart == base.length() ? "/" : base.substring(pathStart);
    int queryStart = pathAndQuery.indexOf('?');
    String p = queryStart < 0 ? pathAndQuery : pathAndQuery.substring(0, queryStart);
    path = p.isEmpty() ? "/" : p;
  }

  /** The absolute form of {@code href}; as written when it has a scheme; null if unresolvable. */
  String resolve(String href) {
    if (hasScheme(href)) {
      return href;
    }
    if (schemeAndAuthority == null) {
      return null;
    }
    String ref = withoutTabsOrNewlines(href);
    if (ref.startsWith("//")) {
      return scheme + ref;
    }
    if (ref.isEmpty() || ref.charAt(0) == '#') {
      return schemeAndAuthority + pathAndQuery + ref;
    }
    if (ref.charAt(0) == '?') {
      return schemeAndAuthority + path + ref;
    }
    int pathEnd = indexOfEither(ref, '?', '#', 0, ref.length());
    String refPath = ref.substring(0, pathEnd);
    String merged = refPath.charAt(0) == '/' ? refPath : directoryOf(path) + refPath;
    return schemeAndAuthority + DotSegments.remove(merged) + ref.substring(pathEnd);
  }

  /** True for "http:…", "mailto:…", "javascript:…": a letter, then [a-z0-9+.-]*, then ':'. */
  static boolean hasScheme(String href) {
    if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
      return false;
    }
    for (int i = 1; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return false;
  }

  private static String directoryOf(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  /** Browsers drop tabs and newlines inside URLs; hrefs wrapped over lines have them. */
  private static String withoutTabsOrNewlines(String href) {
    // String.indexOf(char) scans the compact bytes; a crawl asks this of every link of every page.
    if (href.indexOf('\n') < 0 && href.indexOf('\t') < 0 && href.indexOf('\r') < 0) {
      return href;
    }
    StringBuilder kept = new StringBuilder(href.length());
    for (int i = 0; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private static String stripFragment(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? uri : uri.substring(0, hash);
  }

  /** The first of {@code a} or {@code b} at or after {@code from}, else {@code notFound}. */
  private static int indexOfEither(String s, char a, char b, int from, int notFound) {
    int i = s.indexOf(a, from);
    int j = s.indexOf(b, from);
    int first = i < 0 ? j : j < 0 ? i : Math.min(i, j);
    return first < 0 ? notFound : first;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
