package dev.sitepulse.crawler.store;

/**
 * A digest of what {@code analyze} reads of a crawl ({@link AnalyzedCrawl}): what its ranks and
 * clusters depend on, and nothing else. Each part is a sum of 64-bit hashes of rows, so rows may
 * come in any order: a page fetched again has its links written anew at the end of the table,
 * and the same links sum to the same digest.
 *
 * @param urls the pages, each as (row id, SimHash), and the redirects, each as (row id, target),
 *     from table {@code urls}: a page added, gone or with other text, a redirect that lands
 *     elsewhere
 * @param links the followed links, each as (page row id, target URL), from table {@code links}: a
 *     link added, gone, pointing elsewhere or marked nofollow since (by its page's robots too)
 * @param written the sum of {@code urls.seq}: every record of a fetch numbers its row above any
 *     number before, and a page's links are written only with its record, so while this sum
 *     stays, the links do too, and need not be read again (300 rows per page)
 */
public record CrawlDigest(long urls, long links, long written) {

  /** A digest made as a read's rows come. */
  public static final class Sums {
    private long urls;
    private long links;
    private long written;

    public void page(long id, long simhash) {
      urls += row(id, simhash);
    }

    /** A redirect's row id is taken negated: a page and a redirect never hash alike. */
    public void redirect(long id, String target) {
      urls += row(~id, hash(target));
    }

    public void link(long fromId, String target) {
      links += row(fromId, hash(target));
    }

    /** A row's {@code seq}, or the sum of them all. */
    public void recorded(long seq) {
      written += seq;
    }

    public long urls() {
      return urls;
    }

    public long links() {
      return links;
    }

    public long written() {
      return written;
    }

    public CrawlDigest digest() {
      return new CrawlDigest(urls, links, written);
    }
  }

  private static long row(long id, long value) {
    return mix(mix(id) + value);
  }

  /** SplitMix64's finalizer: each input bit flips about half the output's. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over the UTF-16 units, 64 bits where String.hashCode has 32, without a byte copy. */
  private static long hash(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }
}
