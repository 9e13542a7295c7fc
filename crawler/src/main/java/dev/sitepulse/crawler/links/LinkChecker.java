package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.FinishedCrawl;
import dev.sitepulse.crawler.links.CrawledPages.Link;
import dev.sitepulse.crawler.links.CrawledPages.Page;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Verdict;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the broken links of a finished crawl: internal targets from crawl.db (following recorded
 * redirects to where they end), external targets checked once each through the pinger (HEAD,
 * then GET where HEAD is refused or fails; per-host rate limits apply), and #fragments against
 * the ids of the target page. What pages embed (images, stylesheets, scripts…) is checked the
 * same way, each distinct URL once: the site's own through the crawl, which fetches them as it
 * fetches pages (robots.txt, --delay, --per-host and back-off apply), other sites' online.
 */
public final class LinkChecker {

  private LinkChecker() {}

  /**
   * Crawls for a link check (keeping each link's source line, building no search index) and
   * checks what the crawl found. The crawl resumes what {@code crawl}'s data directory holds.
   */
  public static LinkReport crawlAndCheck(CrawlConfig crawl, boolean checkExternal,
      boolean checkAnchors) throws CrawlException {
    return crawlAndCheck(crawl, checkExternal, checkAnchors, null, new CrawlStop(), LinkCheckListener.NONE);
  }

  /**
   * As {@link #crawlAndCheck(CrawlConfig, boolean, boolean)}, telling {@code listener} how far it
   * is. The report counts the responses the crawl's WARC file (with warc: true) does not hold.
   * Once {@code stop} is requested the crawl ends early, committed, or the checks online end at
   * once: no new check, robots.txt read, read of a page or retry starts, and those under way are
   * abandoned, not waited for (see {@link OnlineStop}). The report holds what was judged by then,
   * with every target and fragment left unjudged named, and is
   * {@linkplain LinkReport#stopped() stopped} (partial) if the stop left any.
   *
   * @param ignore targets it finds in are not checked, but counted as skipped; null for none
   */
  public static LinkReport crawlAndCheck(CrawlConfig crawl, boolean checkExternal,
      boolean checkAnchors, Pattern ignore, CrawlStop stop, LinkCheckListener listener) throws CrawlException {
    CrawlConfig linkCheck = crawl.withPurpose(CrawlPurpose.LINK_CHECK);
    FinishedCrawl crawled = Crawler.runKeepingRobots(linkCheck, listener, stop);
    LinkReport report = check(linkCheck, checkExternal, checkAnchors, ignore, true, crawled.robots(),
        crawled.abandonedOrigins(), crawled.triesCut(), listener, stop);
    // With warc: true the crawl archived what it fetched: an archive that lacks some fails the run, as crawl's does.
    return report.notArchiving(crawled.stats().responsesNotArchived(), crawled.stats().warcFailure());
  }

  /** Checks the links, and the resources pages embed, of a finished crawl. */
  static LinkReport check(CrawlConfig crawl, boolean checkExternal, boolean checkAnchors)
      throws CrawlException {
    return check(crawl, checkExternal, checkAnchors, null, true, Map.of(), Set.of(), Set.of(),
        LinkCheckListener.NONE, new CrawlStop());
  }

  /**
   * Checks the links alone with what the crawl fetched, nothing online and no resource, whose
   * check would need the network: the figures of the link graph, as {@code report} shows them.
   */
  public static LinkReport checkLinksOffline(CrawlConfig crawl) throws CrawlException {
    return check(crawl, false, false, null, false, Map.of(), Set.of(), Set.of(), LinkCheckListener.NONE,
        new CrawlStop());
  }

  /**
   * @param robots the robots.txt rules its crawl read, by origin; none for a crawl of another run
   * @param givenUp the hosts its crawl gave up on; none for a crawl of another run
   * @param triesCut the URLs its crawl asked for to no avail and left queued, their next try cut by
   *     its end; none for a crawl of another run
   * @param stop requested during the crawl, or now, during the checks online
   */
  private static LinkReport check(CrawlConfig crawl, boolean checkExternal, boolean checkAnchors,
      Pattern ignore, boolean withResources, Map<String, RobotsRules> robots, Set<String> givenUp,
      Set<String> triesCut, LinkCheckListener listener, CrawlStop stop) throws CrawlException {
    // Requested by now, the stop ended the crawl: what it left queued is not checked, rather than
    // skipped at --max-pages.
    boolean crawlStopped = stop.isRequested();
    CrawledPages db;
    try {
      db = CrawledPages.read(crawl.crawlDb(), withResources);
    } catch (SQLException e) {
      throw new CrawlException(crawl.crawlDb() + ": " + e.getMessage(), e);
    }
    List<String> seeds = Crawler.normalizedSeeds(crawl);
    // As the crawl drew it: from the seeds normalized (a prefix of /docs/./ would hold no URL).
    CrawlScope scope = new CrawlScope(crawl, seeds);
    Map<String, List<Link>> byTarget = byTarget(db);
    Map<String, BrokenLink.Start> starts = starts(db, byTarget);
    Findings found = new Findings(crawlStopped, triesCut);
    for (Map.Entry<String, List<Link>> e : byTarget.entrySet()) {
      if (ignore != null && ignore.matcher(e.getKey()).find()) { // the user's call: not asked, not judged
        found.skipped++;
      } else {
        // Offline (no resources: `report`) nothing is asked, a seed no more than another target.
        judge(e.getKey(), e.getValue(), db, givenUp, checkExternal, withResources, checkAnchors, found);
      }
    }
    Map<String, List<Link>> typed = checkAnchors ? RecordedVerdicts.typedFragments(crawl.seeds(), crawl.linkRules()) : Map.of();
    Set<String> reported = new HashSet<>();
    found.broken.forEach(b -> reported.add(b.url()));
    RecordedVerdicts.missingSeedAnchors(typed, db.pages, found.anchorsNotChecked).stream()
        .filter(b -> reported.add(b.url())).forEach(found.broken::add);
    // Pages checked online are read for their ids only where a link, or a seed, names an element
    // by its #fragment: #top and a text directive alone need none.
    Set<String> idsWanted = new HashSet<>();
    if (checkAnchors) {
      found.unchecked.stream().filter(t -> withSeedFragments(t, byTarget, typed).stream()
          .anyMatch(l -> RecordedVerdicts.namesAnElement(l.fragment()))).forEach(idsWanted::add);
    }
    OnlineChecks online = OnlineChecks.run(crawl, found.unchecked,
        crawledOrigins(db, seeds, found.unchecked, scope), robots, idsWanted, listener, givenUp, new OnlineStop(stop));
    found.skipped += online.notAsked();
    found.notCheckedAtStop.addAll(online.cutShort());
    for (CheckResult r : online.results()) {
      String target = r.target().url();
      if (OnlineChecks.isBroken(r)) {
        found.broken.add(brokenOnline(r, !scope.accepts(target), byTarget.get(target)));
      } else if (online.pagesCutShort().contains(target)) {
        found.anchorsNotChecked.addAll(RecordedVerdicts.notChecked(target, withSeedFragments(target, byTarget, typed),
            UncheckedAnchor.Why.CHECK_STOPPED));
      } else if (idsWanted.contains(target)) {
        judgeFragmentsOnline(target, online.pagesRead().get(target), withSeedFragments(target, byTarget, typed),
            !scope.accepts(target), found);
      }
    }
    found.broken.replaceAll(b -> b.referrers().isEmpty() && starts.containsKey(withoutFragment(b.url()))
        ? b.startedAs(starts.get(withoutFragment(b.url()))) : b);
    found.broken.sort(Comparator.comparing(BrokenLink::url));
    List<String> cut = db.pages.values().stream().filter(Page::cut).map(Page::url).sorted().toList();
    return new LinkReport(pages(db), db.links.size(), db.embeds.size(), byTarget.size(),
        online.results().size(), found.skipped, db.nonHttpLinks, found.broken, cut, db.binaryPages,
        found.anchorsNotChecked(), found.notCheckedAtStop.stream().sorted().toList(),
        found.triesCutAtLimit.stream().sorted().toList(), found.seedsDisallowed.stream().sorted().toList(), 0, null,
        db.linksCutPages);
  }

  /** What the check has found so far: targets broken, those to check online, those not judged. */
  private static final class Findings {
    final List<BrokenLink> broken = new ArrayList<>();
    final List<String> unchecked = new ArrayList<>();
    /** Fragments not judged, a seed's and a link's alike. */
    final List<UncheckedAnchor> anchorsNotChecked = new ArrayList<>();
    /** Targets a stop left unjudged: queued when it stopped the crawl, or not checked online yet. */
    final List<String> notCheckedAtStop = new ArrayList<>();
    /** Targets the crawl asked for to no avail, whose next try --max-pages cut. */
    final List<String> triesCutAtLimit = new ArrayList<>();
    /** Seeds robots.txt disallows (or where they redirect): skipped, though asked for by name. */
    final List<String> seedsDisallowed = new ArrayList<>();
    /** Whether a stop ended the crawl, which then left its queue as it was. */
    final boolean crawlStopped;
    private final Set<String> triesCut;
    long skipped;

    Findings(boolean crawlStopped, Set<String> triesCut) {
      this.crawlStopped = crawlStopped;
      this.triesCut = triesCut;
    }

    /**
     * A target the crawl left queued, or fetching, as it left {@code url} (the target, or where its
     * redirects lead): skipped at --max-pages, which said how much to ask for, unless the crawl had
     * asked for it and got no answer, whose next try the limit cut; not checked when a stop left it
     * so.
     */
    void leftByTheCrawl(String target, String url) {
      if (crawlStopped) {
        notCheckedAtStop.add(target);
      } else if (triesCut.contains(url)) {
        triesCutAtLimit.add(target);
      } else {
        skipped++;
      }
    }

    /** Each fragment once, by URL. */
    List<UncheckedAnchor> anchorsNotChecked() {
      Map<String, UncheckedAnchor> byUrl = new TreeMap<>();
      anchorsNotChecked.forEach(a -> byUrl.putIfAbsent(a.url(), a));
      return List.copyOf(byUrl.values());
    }
  }

  /**
   * Every target of a link or an embed, with what leads to it; a seed, and a sitemap's page, even
   * with nothing.
   */
  private static Map<String, List<Link>> byTarget(CrawledPages db) {
    Map<String, List<Link>> byTarget = new LinkedHashMap<>();
    for (List<Link> edges : List.of(db.links, db.embeds)) {
      for (Link l : edges) {
        byTarget.computeIfAbsent(l.to(), t -> new ArrayList<>()).add(l);
      }
    }
    // A seed that is down has no page linking to it, and must still fail the check.
    for (String seed : db.seedTargets()) {
      byTarget.putIfAbsent(seed, new ArrayList<>());
    }
    // So must a sitemap's page that is down, which no page links to either.
    for (String url : db.sitemapEntriesUnled) {
      byTarget.putIfAbsent(url, new ArrayList<>());
    }
    return byTarget;
  }

  /** How the crawl came to each target that nothing leads to: a seed, or a sitemap's page, as crawl.db records. */
  private static Map<String, BrokenLink.Start> starts(CrawledPages db, Map<String, List<Link>> byTarget) {
    Map<String, BrokenLink.Start> starts = new HashMap<>();
    db.sitemapEntriesUnled.stream().filter(u -> byTarget.get(u).isEmpty()).forEach(u -> starts.put(u, BrokenLink.Start.SITEMAP));
    db.seeds.forEach(seed -> starts.put(seed, BrokenLink.Start.SEED));
    return starts;
  }

  /** A seed typed with a #fragment is reported with it. */
  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /**
   * Judges {@code target} by what the crawl recorded of it, or leaves it to a check online.
   *
   * @param givenUp the hosts the crawl gave up on (past --max-backoff, or, in a crawl for search,
   *     no longer answering for its pages or robots.txt), whose URLs it left queued: checked online
   * @param seedsOnline whether a seed the crawl did not fetch is checked online even with --external
   *     skip: the user's own start page, on the crawl's own host, is no other site's URL
   */
  private static void judge(String target, List<Link> links, CrawledPages db, Set<String> givenUp,
      boolean checkExternal, boolean seedsOnline, boolean checkAnchors, Findings found) {
    Map<String, Page> pages = db.pages;
    Page page = pages.get(target);
    String unfetchable = page == null ? Crawler.whyNotFetchable(target) : null;
    if (unfetchable != null) {
      found.broken.add(new BrokenLink(target, 0, "INVALID_URL", "INVALID_URL: the URL is " + unfetchable,
          List.of(), false, Link.referrers(links)));
      return;
    }
    if (leftAtLimit(target, db, givenUp)) {
      // In the scope, left queued when the crawl stopped (--max-pages, or a stop): not known either
      // way, and not asked for online, which would take the crawl past the limit it was given.
      found.leftByTheCrawl(target, target);
      return;
    }
    if (page == null) {
      // Not crawled: outside the scope, or in it but never reached (limits, nofollow), links and
      // resources alike (a link check's crawl fetches the site's own resources as it fetches its
      // pages). Both can only be checked online, which --external skip rules out but for a seed.
      if (checkExternal || seedsOnline && db.seeds.contains(target)) {
        found.unchecked.add(target);
      } else {
        found.skipped++;
      }
      return;
    }
    List<String> chain = new ArrayList<>(List.of(target));
    Page end = RecordedVerdicts.follow(page, pages, chain);
    if (end == null && leftAtLimit(chain.get(chain.size() - 1), db, givenUp)) {
      found.leftByTheCrawl(target, chain.get(chain.size() - 1)); // a redirect to a page left queued, as that page is
      return;
    }
    if (end == null && checkExternal) {
      // A redirect out of the crawl (an image moved to a CDN): checked online from the start.
      found.unchecked.add(target);
      return;
    }
    // Fetching when the crawl ended early (a 429 waiting), as a crawl.db of an older sitepulse holds it: not
    // known either way.
    if (end != null && end.is(UrlState.FETCHING)) {
      found.leftByTheCrawl(target, end.url());
      return;
    }
    if (end == null || end.is(UrlState.SKIPPED_ROBOTS)) {
      found.skipped++;
      if (end != null && db.seeds.contains(target)) {
        found.seedsDisallowed.add(target);
      }
      return;
    }
    if (end.redirectTo() != null) { // follow gave up: a loop, or too long a chain
      found.broken.add(RecordedVerdicts.tooManyRedirects(target, end, chain, links));
    } else if (end.is(UrlState.FAILED) || end.status() >= 400
        || RecordedVerdicts.isDeadEndRedirect(end)) {
      found.broken.add(RecordedVerdicts.brokenOf(target, end, chain, links));
    } else if (checkAnchors && end.parsed()) {
      // Only an HTML page has ids; a fragment of a PDF (#page=2) or a text file is the viewer's.
      found.broken.addAll(RecordedVerdicts.missingAnchors(target, end, links, false, found.anchorsNotChecked));
    }
  }

  /** The links to {@code target}, then the seeds' own #fragments of it, as links no page has. */
  private static List<Link> withSeedFragments(String target, Map<String, List<Link>> byTarget,
      Map<String, List<Link>> seedFragments) {
    List<Link> links = new ArrayList<>(byTarget.get(target));
    links.addAll(seedFragments.getOrDefault(target, List.of()));
    return links;
  }

  /**
   * The #fragments of links to a target checked online and found working, against the ids of its
   * page as read again; those of a page that could not be read, or that robots.txt disallows
   * reading, are not checked. A page that is no HTML has no ids: its fragment is the viewer's, as
   * for a page the crawl fetched.
   */
  private static void judgeFragmentsOnline(String target, Page read, List<Link> links, boolean external,
      Findings found) {
    if (read == null || read.is(UrlState.SKIPPED_ROBOTS)) {
      found.anchorsNotChecked.addAll(RecordedVerdicts.notChecked(target, links,
          read == null ? UncheckedAnchor.Why.PAGE_NOT_READ : UncheckedAnchor.Why.ROBOTS_DISALLOWED));
    } else if (read.parsed()) {
      found.broken.addAll(RecordedVerdicts.missingAnchors(target, read, links, external, found.anchorsNotChecked));
    }
  }

  /**
   * Left queued as the crawl stopped (--max-pages, or stopped), not on a host it gave up on (past
   * --max-backoff, or, in a crawl for search, no longer answering for its pages or robots.txt),
   * whose URLs the crawl could not fetch rather than was not to. A seed is never left so: the user
   * asked for it by name, and a start page that is gone must fail the check.
   */
  private static boolean leftAtLimit(String url, CrawledPages db, Set<String> givenUp) {
    return db.queued.contains(url) && !db.seeds.contains(url) && !givenUp.contains(OnlineChecks.originOf(url));
  }

  /**
   * The origins the crawl fetched from, whose hosts are asked online as the crawl asked them (see
   * OnlineChecks), and those in its scope that it never reached: it would have read their
   * robots.txt first.
   */
  private static Set<String> crawledOrigins(CrawledPages db, List<String> seeds, List<String> unchecked,
      CrawlScope scope) {
    Set<String> origins = new HashSet<>();
    for (String url : db.pages.keySet()) {
      origins.add(OnlineChecks.originOf(url));
    }
    seeds.forEach(seed -> origins.add(OnlineChecks.originOf(seed)));
    unchecked.stream().filter(scope::accepts).forEach(url -> origins.add(OnlineChecks.originOf(url)));
    return origins;
  }

  /**
   * The pages whose links the crawl read: fetched, answered 2xx and parsed as HTML. Not a URL that
   * failed, was disallowed by robots.txt, redirected or answered an error, nor a resource: "N links
   * on M pages" counts where links came from (a frame's page among them).
   */
  private static long pages(CrawledPages db) {
    return db.pages.values().stream().filter(p -> p.parsed() && p.is(UrlState.DONE)).count();
  }

  /** Worded as a target the crawl fetched is, so both read the same. */
  private static BrokenLink brokenOnline(CheckResult r, boolean external, List<Link> links) {
    List<String> chain = r.last().hops().stream().map(Hop::url).toList();
    String kind = r.errorKind() != null ? r.errorKind().name() : r.verdict() == Verdict.TIMEOUT ? "TIMEOUT" : null;
    String problem = r.errorKind() != null ? r.errorKind() + ": " + r.message()
        : r.verdict() == Verdict.TIMEOUT ? "TIMEOUT: " + r.message() : StatusText.of(r.status(), null);
    return new BrokenLink(r.target().url(), r.status(), kind, problem, chain.size() > 1 ? chain : List.of(),
        external, Link.referrers(links));
  }
}
