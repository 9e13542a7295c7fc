package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.links.CrawledPages.Page;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.OriginHeaders;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Pinger;
import dev.sitepulse.pinger.RedirectChains;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Targets a link check's crawl did not fetch, checked online once each: on the hosts the crawl
 * fetched from, as its crawl asks for pages ({@link OwnSiteManners}: robots.txt, delays; a 429 or
 * 503 holding the host back, {@link HostHolds}), and on
 * other hosts at the pinger's rate, both at once.
 *
 * @param results one per target checked
 * @param notAsked targets on the crawl's hosts that robots.txt disallows, or whose robots.txt
 *     could not be read again (the crawl read it, so the host was not in trouble then)
 * @param pagesRead of the targets whose ids were asked for and that work, those whose page was
 *     read ({@link OnlineIds}), by target URL
 * @param cutShort targets whose check the stop kept from ending: not judged
 * @param pagesCutShort targets that work whose page's read for its ids the stop kept from ending
 */
record OnlineChecks(List<CheckResult> results, long notAsked, Map<String, Page> pagesRead,
    List<String> cutShort, Set<String> pagesCutShort) {

  /**
   * @param crawledOrigins the origins the crawl fetched from, its seeds' included, and those in
   *     its scope
   * @param robots the robots.txt rules the crawl read, by origin, if it ran in this process
   * @param idsWanted targets whose page's ids are wanted, for their links' #fragments: read once
   *     their check finds them working
   * @param listener told of each target checked
   * @param givenUp the origins the crawl gave up on: a 429 or 503 from one is its answer, since
   *     the crawl has waited on it as long as --max-backoff allows already
   * @param stop once requested, nothing more is asked, and what is under way is not waited for
   */
  static OnlineChecks run(CrawlConfig crawl, List<String> urls, Set<String> crawledOrigins,
      Map<String, RobotsRules> robots, Set<String> idsWanted, LinkCheckListener listener, Set<String> givenUp,
      OnlineStop stop) {
    if (stop.isRequested()) { // during the crawl: nothing is asked online
      return new OnlineChecks(List.of(), 0, Map.of(), List.copyOf(urls), Set.of());
    }
    List<String> own = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String url : urls) {
      (crawledOrigins.contains(originOf(url)) ? own : others).add(url);
    }
    OwnSiteManners manners = OwnSiteManners.read(crawl, own, robots, stop);
    List<String> allowed = own.stream().filter(url -> manners.rules(url).allows(url)).toList();
    int total = allowed.size() + others.size();
    AtomicInteger done = new AtomicInteger();
    // Not once stopped: the progress line is off by then, and the report is being written.
    Runnable checked = () -> {
      if (!stop.isRequested()) {
        listener.checkedOnline(done.incrementAndGet(), total);
      }
    };
    ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemon("sitepulse-links"));
    OriginHeaders headers = crawl.requestHeaders(Map.of("User-Agent", crawl.userAgent()));
    try (HostPacing pacing = manners.pacing(crawl)) {
      CompletableFuture<Checked> elsewhere = CompletableFuture.supplyAsync(
          () -> check(PingSettings.DEFAULTS.withConcurrency(crawl.concurrency()), crawl, headers, others, checked,
              null, givenUp, stop),
          thread);
      OwnHops hops = new OwnHops(pacing, manners,
          new HostHolds(crawl.maxBackoff(), HostHolds.Asking.CHECKS, System::nanoTime), givenUp, stop, headers);
      Checked mine = check(manners.settings(crawl), crawl, headers, allowed, checked, hops, givenUp, stop);
      int redirectedToDisallowed = allowed.size() - mine.results().size() - mine.cutShort().size();
      Checked theirs = elsewhere.join(); // ends at the stop too
      List<CheckResult> results = new ArrayList<>(mine.results());
      results.addAll(theirs.results());
      List<String> cutShort = new ArrayList<>(mine.cutShort());
      cutShort.addAll(theirs.cutShort());
      List<CheckResult> toRead = results.stream()
          .filter(r -> idsWanted.contains(r.target().url()) && !isBroken(r)).toList();
      OnlineIds.Reads ids = OnlineIds.read(crawl, toRead, crawledOrigins, pacing, manners, stop);
      return new OnlineChecks(List.copyOf(results), own.size() - allowed.size() + redirectedToDisallowed,
          ids.pages(), List.copyOf(cutShort), ids.cutShort());
    } finally {
      thread.shutdownNow();
    }
  }

  /**
   * The checks of a list of targets: those that ended, and those the stop kept from ending.
   *
   * @param results one per target that ended, but for one redirected to what robots.txt disallows
   */
  private record Checked(List<CheckResult> results, List<String> cutShort) {

    static final Checked NONE = new Checked(List.of(), List.of());

    /** What {@code checks}, one per URL of {@code urls}, ended with by the stop, if it came. */
    static Checked of(List<String> urls, List<CompletableFuture<CheckResult>> checks, OnlineStop stop) {
      List<CheckResult> results = new ArrayList<>();
      List<String> cutShort = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        CompletableFuture<CheckResult> check = checks.get(i);
        if (stop.cutShort(check)) {
          cutShort.add(urls.get(i));
        } else if (check.join() != null) {
          results.add(check.join());
        }
      }
      return new Checked(results, cutShort);
    }
  }

  /**
   * A check online that says the link is broken. A 304 to a request without validators is UP for a
   * check (under 400), but gives no page: broken, as when the crawl fetched it.
   */
  static boolean isBroken(CheckResult r) {
    return r.verdict() != Verdict.UP && r.verdict() != Verdict.DEGRADED || r.status() == 304;
  }

  /** scheme://host:port, or "" for a URL the crawl would not have normalized so. */
  static String originOf(String url) {
    try {
      return Frontier.originOf(url);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * HEAD first, then GET for the targets that refused HEAD (405, 501) or failed with it (some
   * servers answer HEAD wrongly, so a 4xx or an error to HEAD gets a second look with GET), or that
   * were asked to come back later (429, 503), when it is time to. With {@code own} (the crawl's own
   * hosts), each request, redirects too, goes as {@link OwnHops} lets it; a target redirected to
   * what robots.txt disallows has no result.
   */
  private static Checked check(PingSettings settings, CrawlConfig crawl, OriginHeaders headers, List<String> urls,
      Runnable checked, OwnHops own, Set<String> givenUp, OnlineStop stop) {
    if (urls.isEmpty()) {
      return Checked.NONE;
    }
    // A link is judged by its status: no body is read, as the crawl reads none of an image's (one
    // whose server sent its head and stalled would time the check out).
    PingSettings statusOnly = settings.withMaxBodyBytes(0);
    try (Pinger pinger = Pinger.create(own == null ? statusOnly : statusOnly.withMaxRedirects(0))) {
      stop.whenRequested(pinger::stopSending); // a check waiting for its host's rate goes unsent
      Function<Target, CompletableFuture<CheckResult>> ask = own == null
          ? t -> stop.unlessStopped(() -> pinger.check(t))
          : t -> own.check(pinger, t, 1);
      // Asked to come back later, which says nothing of the link: a GET at once would be refused
      // the same way, so it goes when the crawl would go back to the host.
      BiFunction<String, CheckResult, CompletableFuture<CheckResult>> comeBack = own == null
          ? (url, r) -> afterWaiting(r, crawl, givenUp.contains(originOf(url)),
              () -> ask.apply(request("GET", url, crawl, headers)))
          : (url, r) -> own.givenUp(r) ? CompletableFuture.completedFuture(r)
              : own.check(pinger, request("GET", url, crawl, headers), 2); // its host is held back until then
      List<CompletableFuture<CheckResult>> checks = new ArrayList<>();
      for (String url : urls) {
        CompletableFuture<CheckResult> check = ask.apply(request("HEAD", url, crawl, headers)).thenCompose(r ->
            r == null ? CompletableFuture.completedFuture(null)
            : comesBackLater(r) ? comeBack.apply(url, r)
            : needsGet(r) ? ask.apply(request("GET", url, crawl, headers))
            : CompletableFuture.completedFuture(r));
        // Counted once, at its end: once it has ended, so that a stop the count brings finds it so.
        check.whenComplete((r, e) -> checked.run());
        checks.add(check);
      }
      stop.await(checks);
      return Checked.of(urls, checks, stop);
    }
  }

  /**
   * An other host's target asked to come back later: {@code again} once the wait it asked for has
   * passed, unless that wait alone passes --max-backoff, or the crawl gave up on its host (which
   * has been waited on enough); then {@code r} is its answer. The pinger's rate cannot hold a
   * host back, so only this target waits.
   */
  private static CompletableFuture<CheckResult> afterWaiting(CheckResult r, CrawlConfig crawl, boolean hostGivenUp,
      Supplier<CompletableFuture<CheckResult>> again) {
    Duration wait = FetchRetries.hostWait(r.last().retryAfter(), 1);
    if (wait.compareTo(crawl.maxBackoff()) > 0 || hostGivenUp) {
      return CompletableFuture.completedFuture(r);
    }
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS))
        .thenCompose(v -> again.get());
  }

  /**
   * Requests to the crawl's own hosts, redirects followed one hop at a time as the crawl follows
   * them: each hop paced, and none to a URL robots.txt disallows (the pinger would follow a
   * redirect at once, into /private/ as well). A 429 or 503 holds its host back as the crawl's
   * frontier does, for every target of the host, within --max-backoff over the host
   * ({@link HostHolds}).
   *
   * @param givenUp the origins the crawl gave up on: held back no more, each answer taken as it comes
   */
  private record OwnHops(HostPacing pacing, OwnSiteManners manners, HostHolds holds, Set<String> givenUp,
      OnlineStop stop, OriginHeaders headers) {

    /** The most redirects followed, as for other sites' targets. */
    private static final int MAX_REDIRECTS = PingSettings.DEFAULTS.maxRedirects();

    /** The check of {@code target}, its {@code tries}-th request for its URL; null as below. */
    CompletableFuture<CheckResult> check(Pinger pinger, Target target, int tries) {
      return check(pinger, target, target, List.of(), tries);
    }

    /**
     * Whether {@code r}, an answer asking to come back later, is the answer: its host, the last
     * hop's, is given up on, by the crawl or by {@link #holds} as it answered.
     */
    boolean givenUp(CheckResult r) {
      List<Hop> hops = r.last().hops();
      String origin = originOf(hops.isEmpty() ? r.target().url() : hops.get(hops.size() - 1).url());
      return givenUp.contains(origin) || holds.givenUp(origin);
    }

    /**
     * The check of {@code first}, now at {@code hop} after the redirects {@code before}; null
     * when the chain leads where robots.txt disallows. The pinger follows no redirect itself.
     */
    private CompletableFuture<CheckResult> check(Pinger pinger, Target first, Target hop, List<Hop> before,
        int tries) {
      String origin = originOf(hop.url());
      Function<CheckResult, Duration> holdAfter = r -> givenUp.contains(origin) ? Duration.ZERO
          : holds.hold(origin, r.status(), r.last().retryAfter(), tries);
      return pacing.submit(origin, () -> stop.unlessStopped(() -> pinger.check(hop)), holdAfter).thenCompose(r -> {
        Attempt a = r.last();
        List<Hop> chain = new ArrayList<>(before);
        chain.addAll(a.hops());
        Hop last = chain.get(chain.size() - 1);
        boolean stoppedAtRedirect = a.errorKind() == ErrorKind.TOO_MANY_REDIRECTS && last.location() != null;
        if (!stoppedAtRedirect) {
          return CompletableFuture.completedFuture(as(first, a, chain, a.errorKind(), a.message()));
        }
        // As the crawl resolves one, but with its parameters kept: a hop is followed, not stored, and a
        // server may redirect to a URL with a session id until it is asked for that URL.
        String url = LinkRules.PLAIN.resolveRedirect(last.url(), last.location());
        if (url == null) {
          return CompletableFuture.completedFuture(as(first, a, chain, ErrorKind.PROTOCOL,
              "redirect to an invalid location: " + last.location()));
        }
        if (chain.size() > MAX_REDIRECTS) {
          return CompletableFuture.completedFuture(as(first, a, chain, ErrorKind.TOO_MANY_REDIRECTS,
              RedirectChains.tooMany(chain.stream().map(Hop::url).toList(), MAX_REDIRECTS)));
        }
        RobotsRules rules = manners.rulesReadingNew(url);
        if (rules == null) {
          return new CompletableFuture<>(); // stopped before the new host's robots.txt was read: cut short
        }
        if (unanswered(rules.unreachable())) { // a dead host: what its robots.txt got, the page would get too
          chain.add(new Hop(url, 0, null, Phases.NONE));
          return CompletableFuture.completedFuture(failed(first, a, chain, rules.unreachable()));
        }
        if (!rules.allows(url)) {
          return CompletableFuture.completedFuture(null);
        }
        // Credentials go on only to their own origins, where the redirect may lead elsewhere.
        return check(pinger, first, new Target(null, null, url, hop.method(), headers.forUrl(url), null,
            hop.timeout(), 0, null), chain, tries);
      });
    }

    /** {@code a}, as the attempt at {@code first} that went through {@code chain}. */
    private static CheckResult as(Target first, Attempt a, List<Hop> chain, ErrorKind kind, String message) {
      return as(first, a, chain, kind != a.errorKind() ? Verdict.ERROR : a.verdict(), kind, message);
    }

    private static CheckResult as(Target first, Attempt a, List<Hop> chain, Verdict verdict, ErrorKind kind,
        String message) {
      return new CheckResult(first, List.of(new Attempt(a.number(), a.startedAt(), verdict, kind, message, chain,
          a.phases(), a.bodyBytes(), a.bodyTruncated(), a.tls(), a.remoteAddress(), a.conditions(), a.retryAfter())));
    }

    /**
     * Whether a robots.txt read got nothing from its host: no address, no connection, no TLS
     * session, no answer in time. A server error, a 429 or a broken answer (a reset, bad HTTP) is
     * an answer, and leaves the redirect unfollowed.
     */
    private static boolean unanswered(RobotsRules.Unreachable why) {
      return why != null && (why.errorKind().equals(Verdict.TIMEOUT.name()) || Arrays.stream(ErrorKind.values())
          .anyMatch(k -> k.name().equals(why.errorKind()) && (k.hostUnreachable() || k == ErrorKind.TLS)));
    }

    /** The check of {@code first}, failed as the read of its redirect's host's robots.txt did. */
    private static CheckResult failed(Target first, Attempt a, List<Hop> chain, RobotsRules.Unreachable why) {
      boolean timedOut = why.errorKind().equals(Verdict.TIMEOUT.name());
      return as(first, a, chain, timedOut ? Verdict.TIMEOUT : Verdict.ERROR,
          timedOut ? null : ErrorKind.valueOf(why.errorKind()), why.message());
    }
  }

  /** Asked to come back later, which says nothing of the link. */
  private static boolean comesBackLater(CheckResult head) {
    return head.status() == 429 || head.status() == 503;
  }

  /**
   * Refused (405, 501) or failed: some servers answer HEAD wrongly. A timeout is not retried: it
   * would only double the wait for a dead server.
   */
  private static boolean needsGet(CheckResult head) {
    return !comesBackLater(head) && (head.status() == 405 || head.status() == 501
        || head.verdict() == Verdict.ERROR || head.verdict() == Verdict.DOWN);
  }

  /** A check of one URL as the crawl would fetch it: its headers, credentials to its own origins only, and its timeout. */
  private static Target request(String method, String url, CrawlConfig crawl, OriginHeaders headers) {
    return new Target(null, null, url, method, headers.forUrl(url), null, crawl.timeout(), 0, null);
  }
}
