package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.links.CrawledPages.Link;
import dev.sitepulse.crawler.links.CrawledPages.Page;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.RedirectChains;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What crawl.db says of a link's target, with no request made: the redirects the crawl recorded
 * followed to where they end, that page's status or failure, and the ids a #fragment may name.
 * Worded as the pinger words a target it checks online, so both read the same.
 */
final class RecordedVerdicts {

  private static final int MAX_CHAIN = 20;
  private static final String TOO_MANY_REDIRECTS = ErrorKind.TOO_MANY_REDIRECTS.name();

  private RecordedVerdicts() {}

  /**
   * Follows recorded redirects to the page the chain ends at; null when it leaves the crawl. A
   * loop, or a chain of more than MAX_CHAIN redirects, ends at a page that still redirects.
   */
  static Page follow(Page page, Map<String, Page> pages, List<String> chain) {
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

  /** A redirect loop, or a chain past MAX_CHAIN. */
  static BrokenLink tooManyRedirects(String target, Page end, List<String> chain,
      List<Link> links) {
    String problem = RedirectChains.tooMany(chain, MAX_CHAIN);
    return new BrokenLink(target, end.status(), TOO_MANY_REDIRECTS, TOO_MANY_REDIRECTS + ": " + problem,
        chain, false, Link.referrers(links));
  }

  static BrokenLink brokenOf(String target, Page end, List<String> chain, List<Link> links) {
    String problem = end.is(UrlState.FAILED)
        ? end.errorKind() + ": " + end.message()
        : isDeadEndRedirect(end) && FetchResult.redirects(end.status())
            ? StatusText.of(end.status(), null) + ": " + end.message()
            : StatusText.of(end.status(), end.message());
    return new BrokenLink(target, end.status(), end.errorKind(), problem,
        chain.size() > 1 ? chain : List.of(), false, Link.referrers(links));
  }

  /**
   * A redirect the crawl could not follow: without a Location, or to one that is no URL. Its
   * message says which.
   */
  static boolean isDeadEndRedirect(Page end) {
    return end.status() >= 300 && end.status() < 400 && end.redirectTo() == null;
  }

  /**
   * Links whose #fragment names no id or a[name] on the target page. On a page cut at --max-body
   * such a fragment goes to {@code unchecked} instead: the id may be past the cut.
   *
   * @param external whether the target is outside the crawl's scope, its page read online
   */
  static List<BrokenLink> missingAnchors(String target, Page end, List<Link> links, boolean external,
      List<UncheckedAnchor> unchecked) {
    Map<String, List<Link>> byFragment = new LinkedHashMap<>();
    for (Link l : links) {
      String id = l.fragment() == null ? "" : Fragments.elementPart(l.fragment());
      if (hasAnchor(end, id)) {
        continue;
      }
      if (end.cut()) {
        unchecked.add(new UncheckedAnchor(target + "#" + l.fragment(), UncheckedAnchor.Why.CUT_AT_MAX_BODY));
      } else {
        byFragment.computeIfAbsent(l.fragment(), f -> new ArrayList<>()).add(l);
      }
    }
    List<BrokenLink> out = new ArrayList<>();
    byFragment.forEach((fragment, ls) -> out.add(new BrokenLink(target + "#" + fragment, end.status(),
        BrokenLink.MISSING_ANCHOR, "missing anchor #" + fragment, List.of(), external, Link.referrers(ls))));
    return out;
  }

  /**
   * The #fragments of {@code links} that name an element, each once, as not checked: those that
   * lead to the page itself (none, "", #top) need no id.
   */
  static List<UncheckedAnchor> notChecked(String target, List<Link> links, UncheckedAnchor.Why why) {
    return links.stream().map(Link::fragment).filter(RecordedVerdicts::namesAnElement).distinct()
        .map(f -> new UncheckedAnchor(target + "#" + f, why)).toList();
  }

  /**
   * Whether {@code fragment} (null for none) needs an id on its page: not one that leads to the
   * page itself ("", #top) or holds only a text directive (#:~:text=).
   */
  static boolean namesAnElement(String fragment) {
    return fragment != null && !hasAnchor(Set.of(), Fragments.elementPart(fragment));
  }

  /**
   * The #fragments typed on seeds, by the seed's URL as the crawl normalized it (it fetched the
   * seed without its fragment), each as a {@link Link#typed} link.
   */
  static Map<String, List<Link>> typedFragments(List<String> seeds, LinkRules rules) {
    Map<String, List<Link>> out = new LinkedHashMap<>();
    for (String seed : seeds) {
      int hash = seed.indexOf('#');
      String url = hash < 0 ? null : rules.normalize(seed.substring(0, hash));
      if (url != null) {
        out.computeIfAbsent(url, u -> new ArrayList<>()).add(Link.typed(url, seed.substring(hash + 1)));
      }
    }
    return out;
  }

  /**
   * Seeds typed with a #fragment whose working page the crawl fetched has no such id: broken as a
   * link there would be, with no page to blame (where pages link to it as well, the caller keeps
   * their report, which names them).
   *
   * @param typed by {@link #typedFragments}
   */
  static List<BrokenLink> missingSeedAnchors(Map<String, List<Link>> typed, Map<String, Page> pages,
      List<UncheckedAnchor> unchecked) {
    List<BrokenLink> out = new ArrayList<>();
    typed.forEach((url, links) -> {
      Page page = pages.get(url);
      Page end = page == null ? null : follow(page, pages, new ArrayList<>(List.of(url)));
      if (end != null && end.parsed() && end.redirectTo() == null && end.status() < 400) {
        out.addAll(missingAnchors(url, end, links, false, unchecked));
      }
    });
    return out;
  }

  /**
   * Whether the page has an element {@code #id} leads to; an empty id leads to the page, and so
   * does "top" in any case once decoded (#Top, #%74op), by HTML's "scroll to the fragment"; and a
   * line range leads to its first line's id ({@link Fragments#firstLineOf}).
   */
  private static boolean hasAnchor(Page page, String id) {
    return hasAnchor(page.anchors(), id);
  }

  private static boolean hasAnchor(Set<String> anchors, String id) {
    String decoded = Fragments.percentDecoded(id);
    if (id.isEmpty() || anchors.contains(id) || anchors.contains(decoded) || decoded.equalsIgnoreCase("top")) {
      return true;
    }
    String firstLine = Fragments.firstLineOf(decoded);
    return firstLine != null && anchors.contains(firstLine);
  }
}
