package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.internal.FetchRetries;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Targets a link check's crawl did not fetch, checked online once each: on the hosts the crawl
 * fetched from, as its crawl asks for pages ({@link OwnSiteManners}: robots.txt, delays), and on
 * other hosts at the pinger's rate, both at once.
 *
 * @param results one per target checked
 * @param notAsked targets on the crawl's hosts that robots.txt disallows, or whose robots.txt
 *     could not be read again (the crawl read it, so the host was not in trouble then)
 */
record OnlineChecks(List<CheckResult> results, long notAsked) {

  /** @param crawledOrigins the origins the crawl fetched from, its seeds' included */
  static OnlineChecks run(CrawlConfig crawl, List<String> urls, Set<String> crawledOrigins) {
    List<String> own = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String url : urls) {
      (crawledOrigins.contains(originOf(url)) ? own : others).add(url);
    }
    OwnSiteManners manners = OwnSiteManners.read(crawl, own);
    List<String> allowed = own.stream().filter(url -> manners.rules(url).allows(url)).toList();
    ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemon("sitepulse-links"));
    try {
      CompletableFuture<List<CheckResult>> elsewhere = CompletableFuture.supplyAsync(
          () -> check(PingSettings.DEFAULTS.withConcurrency(crawl.concurrency()), crawl, others), thread);
      List<CheckResult> results = new ArrayList<>(check(manners.settings(crawl), crawl, allowed));
      results.addAll(elsewhere.join());
      return new OnlineChecks(List.copyOf(results), own.size() - allowed.size());
    } finally {
      thread.shutdownNow();
    }
  }

  /** scheme://host:port, or "" for a URL the crawl would not have normalized so. */
  static String originOf(String url) {
    try {
      return Frontier.originOf(url);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** HEAD first, then GET for the targets that refused HEAD (405, 501) or failed with it (some
   * servers answer HEAD wrongly, so a 4xx or an error to HEAD gets a second look with GET). */
  private static List<CheckResult> check(PingSettings settings, CrawlConfig crawl, List<String> urls) {
    if (urls.isEmpty()) {
      return List.of();
    }
    try (Pinger pinger = Pinger.create(settings)) {
      List<Target> heads = urls.stream().map(u -> request("HEAD", u, crawl)).toList();
      List<CheckResult> first = pinger.checkAll(heads, r -> {});
      List<Target> again = new ArrayList<>();
      List<CompletableFuture<CheckResult>> later = new ArrayList<>();
      for (CheckResult r : first) {
        if (r.status() == 429 || r.status() == 503) {
          // Asked to come back later, which says nothing of the link: a GET at once would be
          // refused the same way, so it goes when the crawl would go back to the host.
          Duration wait = FetchRetries.hostWait(r.last().retryAfter(), 1);
          Target get = request("GET", r.target().url(), crawl);
          later.add(CompletableFuture.supplyAsync(() -> get,
              CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS)).thenCompose(pinger::check));
        } else if (r.status() == 405 || r.status() == 501 || r.verdict() == Verdict.ERROR
            || r.verdict() == Verdict.DOWN) {
          // A timeout is not retried: it would only double the wait for a dead server.
          again.add(request("GET", r.target().url(), crawl));
        }
      }
      Map<String, CheckResult> byUrl = new LinkedHashMap<>();
      first.forEach(r -> byUrl.put(r.target().url(), r));
      pinger.checkAll(again, r -> {}).forEach(r -> byUrl.put(r.target().url(), r));
      later.forEach(f -> {
        CheckResult r = f.join();
        byUrl.put(r.target().url(), r);
      });
      return List.copyOf(byUrl.values());
    }
  }

  /** A check of one URL as the crawl would fetch it: its User-Agent and its timeout. */
  private static Target request(String method, String url, CrawlConfig crawl) {
    return new Target(null, null, url, method, Map.of("User-Agent", crawl.userAgent()), null,
        crawl.timeout(), 0, null);
  }
}
