package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.parse.Embed;
import dev.sitepulse.crawler.parse.Outlink;
import dev.sitepulse.crawler.parse.PageParser;
import dev.sitepulse.crawler.parse.ParsedPage;
import dev.sitepulse.crawler.robots.RobotsTag;
import dev.sitepulse.crawler.store.AnchorList;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord;
import dev.sitepulse.crawler.store.PageRecord.EmbedRecord;
import dev.sitepulse.crawler.store.PageRecord.LinkRecord;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PageRecord.Response;
import dev.sitepulse.crawler.store.PriorFetch;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.ShownUrl;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one fetched HTML page on a worker thread: parse, find exact duplicates, decide which
 * links to follow, index, and record it all in crawl.db. Nothing here touches the frontier; the
 * event loop gets a {@link PageOutcome} back.
 */
final class PageWork {

  private static final Logger LOG = LoggerFactory.getLogger(PageWork.class);

  private final CrawlConfig config;
  private final CrawlScope scope;
  private final CrawlDb db;
  private final IndexCommits index;
  private final CanonicalWaits canonicals;
  /** Each page's canonical elsewhere, to see canonicals that lead back to a page. Few pages have one. */
  private final Map<String, String> canonicalOf = new ConcurrentHashMap<>();
  private final BodyOwnership bodies = new BodyOwnership(canonicalOf::get);
  /**
   * A link check's images, scripts, stylesheets and media, queued as resources and not as pages:
   * fetched to see that they load, never parsed, even when served as HTML (a fallback page for a
   * missing file, say), whose links a browser never follows either. Frames are pages.
   */
  private final Set<String> leaves = ConcurrentHashMap.newKeySet();
  private final ResolvedLinks resolvedLinks;
  private final LinkRules rules;

  private static final int MAX_REMEMBERED_LINKS = 200_000;

  PageWork(CrawlConfig config, CrawlScope scope, CrawlDb db, IndexCommits index,
      CanonicalWaits canonicals) {
    this.config = config;
    this.scope = scope;
    this.db = db;
    this.index = index;
    this.canonicals = canonicals;
    this.rules = config.linkRules();
    this.resolvedLinks = new ResolvedLinks(rules::normalize, scope::accepts, MAX_REMEMBERED_LINKS);
  }

  /**
   * @param prior what an earlier crawl left for this URL, or null: a document it indexed goes if
   *     the page is no longer indexable
   */
  PageOutcome handle(FetchResult fetched, int depth, long fetchedAtMillis, PriorFetch prior) {
    String url = fetched.url();
    boolean linkCheck = config.purpose() == CrawlPurpose.LINK_CHECK;
    ParsedPage page = linkCheck
        ? PageParser.parse(fetched.body(), fetched.charset(), url)
        : PageParser.parseForSearch(fetched.body(), fetched.charset(), url);
    // A body cut at --max-body is no page's whole bytes: two big pages that share their start
    // would be "exact duplicates". It is neither one nor an original, and keeps no hash.
    String bodyHash = fetched.truncated() ? null : BodyHash.sha256(fetched.body());
    String canonical = rules.normalize(page.canonical());
    boolean otherCanonical = canonical != null && !canonical.equals(url);
    RobotsTag robots = RobotsTag.of(robotsDirectives(fetched, page), config.userAgent(),
        Instant.ofEpochMilli(fetchedAtMillis));
    boolean noindex = robots.noindex();
    if (otherCanonical) { // before the bytes are claimed: a canonical handled meanwhile takes them over
      canonicalOf.put(url, canonical);
    }
    BodyOwnership.Claim claim = noindex && !linkCheck ? BodyOwnership.Claim.NONE
        : noindex || linkCheck || otherCanonical ? BodyOwnership.Claim.WITHOUT_DOCUMENT
        : BodyOwnership.Claim.FOR_DOCUMENT;
    String duplicateOf = bodyHash == null ? null
        : bodies.originalOf(new QueuedUrl(url, depth), bodyHash, claim, prior);

    List<Outlink> outlinks = page.outlinks();
    // The cap bounds the loop, not a copy of the list: a page's links are the crawl's hottest path.
    int read = config.maxLinksPerPage() == 0 ? outlinks.size() : Math.min(outlinks.size(), config.maxLinksPerPage());
    int linksCut = outlinks.size() - read;
    List<LinkRecord> links = new ArrayList<>(read);
    List<QueuedUrl> followable = new ArrayList<>();
    int skipped = 0;
    // A page whose robots say nofollow vouches for none of its links: each is recorded as one
    // marked rel=nofollow, which passes no rank in analyze; links checks them all the same.
    boolean pageNofollow = robots.nofollow();
    boolean mayFollow = !pageNofollow && depth < config.maxDepth();
    for (int i = 0; i < read; i++) {
      Outlink link = outlinks.get(i);
      if (LinkRules.isNonHttpScheme(link.url())) {
        skipped++;
        continue;
      }
      ResolvedLinks.Resolved resolved = resolvedLinks.resolve(link.url());
      if (resolved == null) {
        // An http(s) link that is no URL ("http://exa mple.com/") or is longer than 8 KB: never
        // fetched, but kept, so that links can report it; without a user:password@ it may hold,
        // which a URL that normalizes loses too.
        links.add(new LinkRecord(ShownUrl.of(link.url()), null, link.anchor(), link.line(), pageNofollow || link.nofollow()));
        continue;
      }
      String to = resolved.url();
      links.add(new LinkRecord(to, fragmentOf(link.url()), link.anchor(), link.line(), pageNofollow || link.nofollow()));
      if (mayFollow && !link.nofollow() && resolved.inScope() && resolved.claim()) {
        followable.add(new QueuedUrl(to, depth + 1));
      }
    }
    // A link check's only. The site's own are fetched as its pages are, politely and as robots.txt
    // allows, so that links can tell whether they load; never parsed unless HTML (a frame's page).
    // They are part of this page: a page at --max-depth still has its images checked (a frame's
    // page one deeper, whose links are then not followed), and nofollow, which is about links,
    // does not keep a browser from loading them. A frame's page one deeper has its own images
    // and scripts fetched, but not its frames, and nothing deeper fetches anything: else frames in
    // frames (or an "image" served as HTML that embeds another) would take the crawl on for ever,
    // whatever --max-depth says.
    List<EmbedRecord> embeds = page.embeds().isEmpty() ? List.of()
        : embedRecords(page.embeds(), followable, depth + 1);
    int nonHttp = skipped + page.embeds().size() - embeds.size();
    // The canonical page is what should be found, so this variant points at it instead of being
    // indexed: when the crawl will fetch it, and it does not lead back here (then every page of the
    // circle keeps its own text: this one now, those that deferred to it fetched again). A canonical
    // is a hint; it must not hide the text entirely: should it end without a document, this page is
    // fetched again and indexes its own.
    boolean inCycle = otherCanonical && CanonicalCycle.leadsBack(url, canonical, canonicalOf::get);
    boolean defers = otherCanonical && scope.accepts(canonical) && !inCycle
        && (linkCheck || awaits(canonical, new QueuedUrl(url, depth)));
    if (defers) {
      followable.add(new QueuedUrl(canonical, depth));
    }
    boolean indexable = !linkCheck && duplicateOf == null && !defers && !noindex;
    IndexedPage doc = indexable
        ? new IndexedPage(url, URI.create(url).getHost(), page.title(), page.headings(), page.text(),
            page.description(), fetchedAtMillis, fetched.status(), page.language(), page.linkTextShare(),
            page.contentIds(), page.definitionIds(), page.termNames(), page.sectionTerms(), page.sections(), page.declaredElsewhereIds(),
            page.itemSource(), page.generator(), bodyHash)
        : null;
    String message = fetched.truncated()
        ? fetched.message() + PageRecord.CUT_AT_MAX_BODY + fetched.body().length + " bytes read" : fetched.message();
    if (linksCut > 0) {
      LOG.info("{}: {} links past --max-links-per-page {} not read", url, linksCut, config.maxLinksPerPage());
      message += PageRecord.LINKS_CUT + linksCut + " past " + config.maxLinksPerPage();
    }
    Response response = Response.of(fetched, message, fetchedAtMillis, fetched.validators());
    String canonicalElsewhere = defers ? canonical : null;
    String anchors = AnchorList.join(page.anchors());
    long unavailableAfter = robots.unavailableAfter() == null ? 0 : robots.unavailableAfter().toEpochMilli();
    LongConsumer record = seq -> db.record(PageRecord.parsed(url, response, seq, indexable,
        bodyHash, page.simhash(), page.title(), duplicateOf, canonicalElsewhere, anchors, links,
        embeds, followable, nonHttp, unavailableAfter));
    boolean removed = doc == null && prior != null && prior.indexed();
    List<QueuedUrl> copies = prior == null ? List.of() : bodies.settledParsed(url, indexable ? bodyHash : null);
    if (removed) {
      index.remove(url, record);
    } else {
      index.add(doc, record);
    }
    return new PageOutcome(followable, indexable, duplicateOf, skipped, removed, copies, fetched.truncated(),
        inCycle, linksCut);
  }

  /**
   * Whether {@code page} waits for {@code canonical} to be indexed. Not when an earlier run fetched
   * that canonical and it holds no text: a resume does not fetch it again, so the page would wait
   * for ever; crawl.db is asked, and the answer kept.
   */
  private boolean awaits(String canonical, QueuedUrl page) {
    try {
      if (db.endedWithoutDocument(canonical, page.url())) {
        canonicals.knownWithoutDocument(canonical);
        return false;
      }
    } catch (SQLException e) {
      // Not known, then: the page defers, as before a look-up; a resume's queue settles it later.
      LOG.debug("{}: could not ask crawl.db whether its canonical {} holds text: {}", page.url(), canonical,
          e.toString());
    }
    return canonicals.await(canonical, page);
  }

  /** X-Robots-Tag and meta robots, one list of directives that one reading judges. */
  private static List<String> robotsDirectives(FetchResult fetched, ParsedPage page) {
    if (page.robotsMeta().isEmpty()) {
      return fetched.robotsTags();
    }
    List<String> all = new ArrayList<>(fetched.robotsTags());
    all.addAll(page.robotsMeta());
    return all;
  }

  /**
   * A page an earlier run left deferring to {@code canonical}, which it had not fetched yet: when
   * the canonical turns out to have the page's bytes, it is the original, as in one run.
   */
  void deferredBefore(String url, String canonical) {
    canonicalOf.put(url, canonical);
  }

  /**
   * The http(s) resources of a page, normalized as links are (one that is no URL as written); those
   * in the scope, not yet claimed, are added to {@code fetched}.
   */
  private List<EmbedRecord> embedRecords(List<Embed> found, List<QueuedUrl> fetched, int depth) {
    List<EmbedRecord> out = new ArrayList<>(found.size());
    // depth is the resources': this page's plus one. Written so that no sum overflows.
    boolean fetchesFrames = depth - 1 <= config.maxDepth();
    boolean fetchesOthers = depth - 2 <= config.maxDepth();
    for (Embed embed : found) {
      if (!LinkRules.isNonHttpScheme(embed.url())) {
        ResolvedLinks.Resolved resolved = resolvedLinks.resolve(embed.url());
        String to = resolved == null ? ShownUrl.of(embed.url()) : resolved.url();
        out.add(new EmbedRecord(to, embed.element(), embed.alt(), embed.line()));
        boolean frame = Embed.isFrame(embed.element());
        if ((frame ? fetchesFrames : fetchesOthers) && resolved != null && resolved.inScope()
            && resolved.claim()) {
          if (!frame) {
            leaves.add(to); // before the URL is queued: this page's outcome queues it
          }
          fetched.add(new QueuedUrl(to, depth));
        }
      }
    }
    return out;
  }

  /** Whether a link check queued {@code url} as an image, a script or such, not to be parsed. */
  boolean isLeaf(String url) {
    return leaves.contains(url);
  }

  /**
   * Marks {@code url} as a resource not to be parsed: where a resource redirects, or, on resume,
   * a resource an earlier run queued.
   */
  void leaf(String url) {
    leaves.add(url);
  }

  /** Which page holds each body's bytes: for the pages the loop records itself, and a resume's. */
  BodyOwnership bodies() {
    return bodies;
  }

  /** The #fragment of a link as written, or null; normalization drops it from the URL. */
  private static String fragmentOf(String url) {
    int hash = url.indexOf('#');
    return hash < 0 || hash == url.length() - 1 ? null : url.substring(hash + 1);
  }
}
