package dev.sitepulse.crawler.robots;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.sitepulse.pinger.FetchResult;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Reads a fetched sitemap or sitemap index with crawler-commons; a bad one yields nothing. */
public final class Sitemaps {

  /** Page URLs, and further sitemaps when this was an index. */
  public record Entries(List<String> pages, List<String> sitemaps) {
    static final Entries NONE = new Entries(List.of(), List.of());
  }

  private Sitemaps() {}

  public static Entries read(FetchResult fetched) {
    if (fetched.failed() || fetched.status() != 200 || fetched.body().length == 0) {
      return Entries.NONE;
    }
    try {
      AbstractSiteMap map = new SiteMapParser(false)
          .parseSiteMap(fetched.contentType(), fetched.body(), URI.create(fetched.url()).toURL());
      List<String> pages = new ArrayList<>();
      List<String> nested = new ArrayList<>();
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          nested.add(child.getUrl().toString());
        }
      } else if (map instanceof SiteMap site) {
        for (SiteMapURL u : site.getSiteMapUrls()) {
          pages.add(u.getUrl().toString());
        }
      }
      return new Entries(pages, nested);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      return Entries.NONE;
    }
  }
}
