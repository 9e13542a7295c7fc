package dev.sitepulse.bench;

import dev.sitepulse.crawler.search.PageSearcher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Warm search latency over a crawl's index: runs a set of queries for 5 s to warm up, then times
 * 100 of them. The default set is words and operators; {@code api} is names people look up in API
 * docs, whose hits link to definitions and take their snippets from them. Usage:
 * {@code SearchLatency INDEX_DIR [api]}.
 */
public final class SearchLatency {

  private static final List<String> QUERIES = List.of(
      "dictionary", "list comprehension", "\"context manager\"", "title:asyncio", "generator AND yield",
      "exception NOT warning", "decorator*", "unicode", "socket timeout", "title:tutorial",
      "thread lock", "regular expression", "json", "pathlib", "datetime timezone", "subprocess pipe",
      "class inheritance", "string format", "import system", "logging handler");

  private static final List<String> API_QUERIES = List.of(
      "str split", "getcwd", "json dumps", "os.path.join", "urlopen", "deepcopy", "list.sort", "dict get",
      "re.compile", "asyncio.run", "subprocess.run", "logging.getLogger", "time.sleep", "zip", "pathlib.Path",
      "datetime.strftime", "socket.create_connection", "threading.Lock", "shutil.copytree", "lru_cache");

  private static final long WARM_UP_NANOS = 5_000_000_000L;

  private SearchLatency() {}

  public static void main(String[] args) throws Exception {
    List<String> queries = args.length > 1 && args[1].equals("api") ? API_QUERIES : QUERIES;
    try (PageSearcher searcher = PageSearcher.open(Path.of(args[0]))) {
      // Warm means compiled: a few rounds leave the highlighter interpreted or in C1 code.
      long warmUntil = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < warmUntil) {
        for (String q : queries) {
          searcher.search(q, 10);
        }
      }
      long[] nanos = new long[100];
      long hits = 0;
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        hits += searcher.search(queries.get(i % queries.size()), 10).totalHits();
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.printf("queries=100 p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f total_hits=%d%n",
          nanos[49] / 1e6, nanos[89] / 1e6, nanos[98] / 1e6, nanos[99] / 1e6, hits);
    }
  }
}
