package dev.sitepulse.crawler;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides whether a normalized URL belongs to the crawl: scope first, then include and exclude. */
public final class CrawlScope {

  private final CrawlConfig config;
  private final List<String> allowed = new ArrayList<>();

  public CrawlScope(CrawlConfig config, List<String> normalizedSeeds) {
    this.config = config;
    for (String seed : normalizedSeeds) {
      URI u = URI.create(seed);
      String host = u.getHost().toLowerCase(Locale.ROOT);
      allowed.add(switch (config.scope()) {
        case HOST -> host + ":" + port(u);
        case DOMAIN -> registeredDomain(host);
        case PREFIX -> folderOf(seed);
        case REGEX -> "";
      });
    }
  }

  public boolean accepts(String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      return false;
    }
    if (!inScope(url)) {
      return false;
    }
    if (config.include() != null && !config.include().matcher(url).find()) {
      return false;
    }
    return config.exclude() == null || !config.exclude().matcher(url).find();
  }

  private boolean inScope(String url) {
    if (config.scope() == Scope.REGEX) {
      return config.scopeRegex().matcher(url).find();
    }
    if (config.scope() == Scope.PREFIX) {
      return allowed.stream().anyMatch(url::startsWith);
    }
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    String key = config.scope() == Scope.DOMAIN ? registeredDomain(h) : h + ":" + port(URI.create(url));
    return allowed.contains(key);
  }

  /**
   * With {@code --scope prefix}, the folder a seed such as {@code …/tutorial} keeps to when its
   * last segment could be a folder written without its slash (no dot, no query): the folder is
   * {@code …/}, so a user who meant the tutorial gets the whole site. Null otherwise.
   */
  public static String folderWithoutItsSlash(CrawlConfig config, String normalizedSeed) {
    if (config.scope() != Scope.PREFIX) {
      return null;
    }
    URI u = URI.create(normalizedSeed);
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.isEmpty() || last.contains(".") || u.getRawQuery() != null) {
      return null;
    }
    return folderOf(normalizedSeed);
  }

  /**
   * The seed up to the last slash of its path: a slash in its query ({@code search?path=/docs/x})
   * or fragment is no folder. In a normalized URL the first ? or # is where the path ends.
   */
  private static String folderOf(String normalizedSeed) {
    int end = normalizedSeed.length();
    for (char c : new char[] {'?', '#'}) {
      int at = normalizedSeed.indexOf(c);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return normalizedSeed.substring(0, normalizedSeed.lastIndexOf('/', end - 1) + 1);
  }

  /** The host's port, so another service on the same machine is another site. */
  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String registeredDomain(String host) {
    String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return domain == null ? host : domain;
  }
}
