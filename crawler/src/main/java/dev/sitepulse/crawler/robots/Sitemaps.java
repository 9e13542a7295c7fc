package dev.sitepulse.crawler.robots;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.sitepulse.pinger.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a fetched sitemap or sitemap index with crawler-commons; a bad one yields nothing. Reading
 * stops at the protocol's limits (sitemaps.org: 50,000 URLs and 50 MB uncompressed per file),
 * which crawler-commons leaves to its caller: a 700 KB gzip file can hold millions of URLs.
 */
public final class Sitemaps {

  private static final Logger LOG = LoggerFactory.getLogger(Sitemaps.class);
  static final int MAX_URLS = 50_000;
  static final int MAX_BYTES = SiteMapParser.MAX_BYTES_ALLOWED;

  /**
   * Page URLs, and further sitemaps when this was an index.
   *
   * @param problem why nothing could be read ("404", "not a sitemap, sitemap index or feed"), or null
   * @param brokenBy where the XML parser gave up on a sitemap that breaks off, or null: the entries
   *     before the break are these
   */
  public record Entries(List<String> pages, List<String> sitemaps, String problem, String brokenBy) {
    static Entries none(String problem) {
      return new Entries(List.of(), List.of(), problem, null);
    }
  }

  private Sitemaps() {}

  public static Entries read(FetchResult fetched) {
    if (fetched.failed()) {
      return Entries.none(fetched.failureKind() + ": " + fetched.message());
    }
    if (fetched.status() != 200) {
      return Entries.none("status " + fetched.status());
    }
    if (fetched.body().length == 0) {
      return Entries.none("an empty body");
    }
    String gzipBrokenBy = null;
    try {
      URL url = URI.create(fetched.url()).toURL();
      byte[] xml = fetched.body();
      if (isGzip(xml)) {
        Gunzipped gunzipped = gunzipWithin(xml, fetched.url());
        if (gunzipped.xml().length == 0 && gunzipped.brokenBy() != null) {
          return Entries.none(cutHere(fetched, gunzipped.brokenBy()));
        }
        if (isGzip(gunzipped.xml())) { // which crawler-commons would inflate without a limit
          return Entries.none("gzip in gzip");
        }
        xml = gunzipped.xml();
        gzipBrokenBy = gunzipped.brokenBy();
      }
      // Read once: a sitemap that breaks off (cut by max-body, or badly written) still gives the
      // URLs before the break, and the parser says where it broke.
      UrlLimit limit = new UrlLimit();
      OnePassSiteMapParser parser = new OnePassSiteMapParser(limit);
      AbstractSiteMap map = xml != fetched.body()
          ? parser.parseSiteMap(xml, url) // gunzipped: the type is told from the bytes
          : parser.parseSiteMap(fetched.contentType(), xml, url);
      if (limit.dropped > 0) {
        LOG.warn("{} lists {} URLs more than the {} a sitemap may hold; they are not read", fetched.url(),
            limit.dropped, MAX_URLS);
      }
      // A cut gzip file cuts its XML too: the cut, not the XML parser's complaint, says why. A gzip
      // file inflated whole was not cut by --max-body, whatever broke its XML.
      String brokenBy = gzipBrokenBy != null ? cutHere(fetched, gzipBrokenBy)
          : parser.brokenBy() != null && xml == fetched.body() ? cutHere(fetched, parser.brokenBy())
          : parser.brokenBy();
      return entriesOf(map, brokenBy);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      if (gzipBrokenBy != null) { // cut before its root element came: the cut says why
        return Entries.none(cutHere(fetched, gzipBrokenBy));
      }
      return Entries.none("not a sitemap, sitemap index or feed (" + fetched.mediaType() + ")");
    }
  }

  /**
   * Why a sitemap broke off: the crawl's own --max-body where the body went on past it (a whole
   * 20 MB sitemap is no broken XML, and the user can raise the limit), else {@code brokenBy}, which
   * is the break's own word.
   */
  private static String cutHere(FetchResult fetched, String brokenBy) {
    return fetched.truncated()
        ? "cut at --max-body, " + fetched.body().length + " bytes read; raise --max-body to read it whole"
        : brokenBy;
  }

  private static Entries entriesOf(AbstractSiteMap map, String brokenBy) {
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
    return new Entries(pages, nested, null, brokenBy);
  }

  private static boolean isGzip(byte[] body) {
    return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** What a gzip file inflated to, and why it stopped short, or null when it did not. */
  private record Gunzipped(byte[] xml, String brokenBy) {}

  /**
   * The first {@link #MAX_BYTES} of a gzip file; a file cut off (by --max-body, or a server that
   * stopped sending) or damaged part way gives what it inflated to before that, as a plain XML
   * sitemap cut off gives the URLs before the cut.
   */
  private static Gunzipped gunzipWithin(byte[] body, String url) {
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] chunk = new byte[8192];
      int read;
      while (xml.size() < MAX_BYTES && (read = in.read(chunk, 0, Math.min(chunk.length, MAX_BYTES - xml.size()))) >= 0) {
        xml.write(chunk, 0, read);
      }
      if (xml.size() >= MAX_BYTES && in.read() >= 0) {
        LOG.warn("{} is larger than {} MB uncompressed, the most a sitemap may be; only the first {} MB are read",
            url, MAX_BYTES >> 20, MAX_BYTES >> 20);
      }
      return new Gunzipped(xml.toByteArray(), null);
    } catch (EOFException e) {
      return new Gunzipped(xml.toByteArray(), "the gzip data is cut off");
    } catch (IOException e) {
      return new Gunzipped(xml.toByteArray(), "the gzip data is damaged: " + e.getMessage());
    }
  }

  /**
   * Keeps the first {@link #MAX_URLS} URLs and counts the rest. Called on one thread per read.
   * crawler-commons asks again about an entry it was refused, with the same string object, when
   * the entry's element ends: that second call is no URL of its own (an equal string from another
   * entry is).
   */
  private static final class UrlLimit implements java.util.function.Function<String, String> {
    int kept;
    int dropped;
    private String lastDropped;

    @Override
    public String apply(String url) {
      if (kept < MAX_URLS) {
        kept++;
        return url;
      }
      if (url != lastDropped) {
        dropped++;
        lastDropped = url;
      }
      return null;
    }
  }
}
