package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.internal.CrawlRun;
import dev.sitepulse.crawler.internal.LinkRules;
import dev.sitepulse.crawler.links.CrawledPages.Link;
import dev.sitepulse.crawler.links.CrawledPages.Page;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.RedirectChains;
import dev.sitepulse.pinger.Verdict;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final int MAX_CHAIN = 20;
  private static final String TOO_MANY_REDIRECTS = ErrorKind.TOO_MANY_REDIRECTS.name();

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
   * is; once {@code stop} is requested the crawl ends early, committed, and no check is made: a
   * report of half a site would miss links.
   *
   * @param ignore targets it finds in are not checked, but counted as skipped; null for none
   * @throws CrawlException saying so when the crawl was stopped
   */
  public static LinkReport crawlAndCheck(CrawlConfig crawl, boolean checkExternal,
      boolean checkAnchors, Pattern ignore, CrawlStop stop, LinkCheckListener listener) throws CrawlException {
    CrawlConfig linkCheck = crawl.withPurpose(CrawlPurpose.LINK_CHECK);
    Map<String, RobotsRules> robots = CrawlRun.runKeepingRobots(linkCheck, listener, stop).robots();
    if (stop.isRequested()) {
      throw new CrawlException("the link check was stopped before its crawl finished; nothing is reported", null);
    }
    return check(linkCheck, checkExternal, checkAnchors, ignore, true, robots, listener);
  }

  /** Checks the links, and the resources pages embed, of a finished crawl. */
  public static LinkReport check(CrawlConfig crawl, boolean checkExternal, boolean checkAnchors)
      throws CrawlException {
    return check(crawl, checkExternal, checkAnchors, null, true, Map.of(), LinkCheckListener.NONE);
  }

  /**
   * Checks the links alone with what the crawl fetched, nothing online and no resource, whose
   * check would need the network: the figures of the link graph, as {@code report} shows them.
   */
  public static LinkReport checkLinksOffline(CrawlConfig crawl) throws CrawlException {
    return check(crawl, false, false, null, false, Map.of(), LinkCheckListener.NONE);
  }

  /** @param robots the robots.txt rules its crawl read, by origin; none for a crawl of another run */
  private static LinkReport check(CrawlConfig crawl, boolean checkExternal, boolean checkAnchors,
      Pattern ignore, boolean withResources, Map<String, RobotsRules> robots, LinkCheckListener listener)
      throws CrawlException {
    CrawledPages db;
    try {
      db = CrawledPages.read(crawl.crawlDb(), withResources);
    } catch (SQLException e) {
      throw new CrawlException(crawl.crawlDb() + ": " + e.getMessage(), e);
    }
    List<String> seeds = CrawlRun.normalizedSeeds(crawl);
    // As the crawl drew it: from the seeds normalized (a prefix of /docs/./ would hold no URL).
    CrawlScope scope = new CrawlScope(crawl, seeds);
    Map<String, List<Link>> byTarget = new LinkedHashMap<>();
    for (List<Link> found : List.of(db.links, db.embeds)) {
      for (Link l : found) {
        byTarget.computeIfAbsent(l.to(), t -> new ArrayList<>()).add(l);
      }
    }
    // A seed that is down has no page linking to it, and must still fail the check.
    for (String seed : db.seeds) {
      byTarget.putIfAbsent(seed, new ArrayList<>());
    }
    List<BrokenLink> broken = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    long skipped = 0;
    for (Map.Entry<String, List<Link>> e : byTarget.entrySet()) {
      String target = e.getKey();
      if (ignore != null && ignore.matcher(target).find()) { // the user's call: not asked, not judged
        skipped++;
        continue;
      }
      Page page = db.pages.get(target);
      String unfetchable = page == null ? Crawler.whyNotFetchable(target) : null;
      if (unfetchable != null) {
        broken.add(new BrokenLink(target, 0, "INVALID_URL", "INVALID_URL: the URL is " + unfetchable,
            List.of(), false, referrers(e.getValue())));
        continue;
      }
      if (page == null) {
        // Not crawled: outside the scope, or in it but never reached (limits, nofollow), links and
        // resources alike (a link check's crawl fetches the site's own resources as it fetches its
        // pages). Both can only be checked online, which --external skip rules out.
        if (checkExternal) {
          unchecked.add(target);
        } else {
          skipped++;
        }
        continue;
      }
      List<String> chain = new ArrayList<>(List.of(target));
      Page end = follow(page, db.pages, chain);
      if (end == null && checkExternal) {
        // A redirect out of the crawl (an image moved to a CDN): checked online from the start.
        unchecked.add(target);
        continue;
      }
      // Queued, or fetching when the crawl ended early (a 429 waiting): not known either way.
      if (end == null || "skipped-robots".equals(end.state()) || "queued".equals(end.state())
          || "fetching".equals(end.state())) {
        skipped++;
        continue;
      }
      if (end.redirectTo() != null) { // follow gave up: a loop, or too long a chain
        broken.add(tooManyRedirects(target, end, chain, e.getValue()));
      } else if ("failed".equals(end.state()) || end.status() >= 400 || isDeadEndRedirect(end)) {
        broken.add(brokenOf(target, end, chain, false, e.getValue()));
      } else if (checkAnchors && end.parsed()) {
        // Only an HTML page has ids; a fragment of a PDF (#page=2) or a text file is the viewer's.
        broken.addAll(missingAnchors(target, end, e.getValue()));
      }
    }
    if (checkAnchors) {
      Set<String> reported = new HashSet<>();
      broken.forEach(b -> reported.add(b.url()));
      missingSeedAnchors(crawl.seeds(), db.pages).stream().filter(b -> reported.add(b.url())).forEach(broken::add);
    }
    // Where the crawl fetched from, its own hosts are asked as it asked; see OnlineChecks.
    Set<String> crawledOrigins = new HashSet<>();
    for (String url : db.pages.keySet()) {
      crawledOrigins.add(OnlineChecks.originOf(url));
    }
    seeds.forEach(seed -> crawledOrigins.add(OnlineChecks.originOf(seed)));
    // And those in its scope that it never reached: it would have read their robots.txt first.
    unchecked.stream().filter(scope::accepts).forEach(url -> crawledOrigins.add(OnlineChecks.originOf(url)));
    OnlineChecks online = OnlineChecks.run(crawl, unchecked, crawledOrigins, robots, listener);
    skipped += online.notAsked();
    for (CheckResult r : online.results()) {
      if (isBroken(r)) {
        broken.add(brokenOnline(r, !scope.accepts(r.target().url()), byTarget.get(r.target().url())));
      }
    }
    broken.sort(Comparator.comparing(BrokenLink::url));
    return new LinkReport(pages(db), db.links.size(), db.embeds.size(), byTarget.size(),
        online.results().size(), skipped, db.nonHttpLinks, broken);
  }

  /**
   * URLs the crawl fetched, but for resources that no link or seed leads to: images are no pages.
   * Where a redirect leads counts as what led there: the image an image redirects to is no page.
   */
  private static long pages(CrawledPages db) {
    Set<String> resources = new HashSet<>();
    db.embeds.forEach(l -> resources.add(l.to()));
    Set<String> linked = new HashSet<>(db.seeds);
    db.links.forEach(l -> linked.add(l.to()));
    Set<String> notPages = withRedirects(resources, db.pages);
    notPages.removeAll(withRedirects(linked, db.pages));
    return db.pages.keySet().stream().filter(u -> !notPages.contains(u)).count();
  }

  /** The URLs and, for each, where its recorded redirects lead, hop by hop. */
  private static Set<String> withRedirects(Set<String> urls, Map<String, Page> pages) {
    Set<String> out = new HashSet<>(urls);
    for (String url : urls) {
      Page at = pages.get(url);
      while (at != null && at.redirectTo() != null && out.add(at.redirectTo())) {
        at = pages.get(at.redirectTo());
      }
    }
    return out;
  }

  /**
   * Follows recorded redirects to the page the chain ends at; null when it leaves the crawl. A
   * loop, or a chain of more than MAX_CHAIN redirects, ends at a page that still redirects.
   */
  private static Page follow(Page page, Map<String, Page> pages, List<String> chain) {
    Page at = page;
    while (at.redirectTo() != null && chain.size() <= MAX_CHAIN) {
      boolean loop = chain.contains(at.redirectTo());
      Page next = pages.get(at.redirectTo());
      chain.add(at.redirectTo());
      if (next == null) {
        return null;
      }
      if (loop) {
        return at;
      }
      at = next;
    }
    return at;
  }

  /** Worded as the pinger words it for an external target, so both read the same. */
  private static BrokenLink tooManyRedirects(String target, Page end, List<String> chain,
      List<Link> links) {
    String problem = RedirectChains.tooMany(chain, MAX_CHAIN);
    return new BrokenLink(target, end.status(), TOO_MANY_REDIRECTS, TOO_MANY_REDIRECTS + ": " + problem,
        chain, false, referrers(links));
  }

  private static BrokenLink brokenOf(String target, Page end, List<String> chain, boolean external,
      List<Link> links) {
    String problem = "failed".equals(end.state())
        ? end.errorKind() + ": " + end.message()
        : isDeadEndRedirect(end) && FetchResult.redirects(end.status())
            ? StatusText.of(end.status(), null) + ": " + end.message()
            : StatusText.of(end.status(), end.message());
    return new BrokenLink(target, end.status(), end.errorKind(), problem,
        chain.size() > 1 ? chain : List.of(), external, referrers(links));
  }

  /**
   * A redirect the crawl could not follow: without a Location, or to one that is no URL. Its
   * message says which.
   */
  private static boolean isDeadEndRedirect(Page end) {
    return end.status() >= 300 && end.status() < 400 && end.redirectTo() == null;
  }

  /**
   * A check online that says the link is broken. A 304 to a request without validators is UP for a
   * check (under 400), but gives no page: broken, as when the crawl fetched it.
   */
  private static boolean isBroken(CheckResult r) {
    return r.verdict() != Verdict.UP && r.verdict() != Verdict.DEGRADED || r.status() == 304;
  }

  /** Worded as a target the crawl fetched is, so both read the same. */
  private static BrokenLink brokenOnline(CheckResult r, boolean external, List<Link> links) {
    List<String> chain = r.last().hops().stream().map(Hop::url).toList();
    String kind = r.errorKind() != null ? r.errorKind().name() : r.verdict() == Verdict.TIMEOUT ? "TIMEOUT" : null;
    String problem = r.errorKind() != null ? r.errorKind() + ": " + r.message()
        : r.verdict() == Verdict.TIMEOUT ? "TIMEOUT: " + r.message() : StatusText.of(r.status(), null);
    return new BrokenLink(r.target().url(), r.status(), kind, problem, chain.size() > 1 ? chain : List.of(),
        external, referrers(links));
  }

  /**
   * Seeds typed with a #fragment (the crawl fetched them without) whose working page has no such
   * id: broken as a link there would be, with no page to blame (where pages link to it as well,
   * the caller keeps their report, which names them).
   */
  private static List<BrokenLink> missingSeedAnchors(List<String> seeds, Map<String, Page> pages) {
    List<BrokenLink> out = new ArrayList<>();
    for (String seed : seeds) {
      int hash = seed.indexOf('#');
      if (hash < 0) {
        continue;
      }
      String url = LinkRules.normalize(seed.substring(0, hash));
      Page page = url == null ? null : pages.get(url);
      Page end = page == null ? null : follow(page, pages, new ArrayList<>(List.of(url)));
      String fragment = seed.substring(hash + 1);
      if (end != null && end.parsed() && end.redirectTo() == null && end.status() < 400
          && !hasAnchor(end, Fragments.elementPart(fragment))) {
        out.add(new BrokenLink(url + "#" + fragment, end.status(), BrokenLink.MISSING_ANCHOR,
            "missing anchor #" + fragment, List.of(), false, List.of()));
      }
    }
    return out;
  }

  /** Links whose #fragment names no id or a[name] on the target page. */
  private static List<BrokenLink> missingAnchors(String target, Page end, List<Link> links) {
    Map<String, List<Link>> byFragment = new LinkedHashMap<>();
    for (Link l : links) {
      String id = l.fragment() == null ? "" : Fragments.elementPart(l.fragment());
      if (!hasAnchor(end, id)) {
        byFragment.computeIfAbsent(l.fragment(), f -> new ArrayList<>()).add(l);
      }
    }
    List<BrokenLink> out = new ArrayList<>();
    byFragment.forEach((fragment, ls) -> out.add(new BrokenLink(target + "#" + fragment, end.status(),
        BrokenLink.MISSING_ANCHOR, "missing anchor #" + fragment, List.of(), false, referrers(ls))));
    return out;
  }

  /** Whether the page has an element {@code #id} leads to; an empty id leads to the page. */
  private static boolean hasAnchor(Page page, String id) {
    return id.isEmpty() || page.anchors().contains(id) || page.anchors().contains(Fragments.percentDecoded(id))
        || id.equals("top"); // "#top" goes to the top of any page, by the HTML spec
  }

  private static List<Referrer> referrers(List<Link> links) {
    return links.stream().map(l -> l.embeds()
        ? Referrer.embedding(l.from(), l.element(), l.anchorText(), l.line())
        : new Referrer(l.from(), l.anchorText(), l.line())).toList();
  }
}
