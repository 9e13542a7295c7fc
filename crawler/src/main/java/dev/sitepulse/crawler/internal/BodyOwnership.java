package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PriorFetch;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which page holds each body's bytes, for exact duplicates: the first page fetched with them, but
 * for a canonical that takes them over from a page that deferred to it, and pages an earlier run
 * indexed, queued again, which hold theirs from the start until they settle
 * ({@link RefreshedOriginals}). Thread-safe: parse workers and the loop ask at once.
 */
final class BodyOwnership {

  /** What a page does with the bytes it has, by whether it will hold a document of them. */
  enum Claim {
    /**
     * It will be indexed: it claims the bytes if first, and takes them over from a first page that
     * deferred to it as its canonical.
     */
    FOR_DOCUMENT,
    /** It has no document of its own (a link check's page, or one deferring to its canonical): it claims them if first. */
    WITHOUT_DOCUMENT,
    /**
     * It is noindex: it never claims them, or an identical page that may be indexed would become
     * its duplicate, and the text would be in no document.
     */
    NONE
  }

  private final BodyHashOwners owners = new BodyHashOwners();
  private final RefreshedOriginals refreshed = new RefreshedOriginals();
  private final UnaryOperator<String> canonicalOf;

  /** @param canonicalOf the canonical URL a page deferred to, or null */
  BodyOwnership(UnaryOperator<String> canonicalOf) {
    this.canonicalOf = canonicalOf;
  }

  /**
   * The page that holds these bytes, of which {@code page} is an exact duplicate, or null: then
   * {@code page} holds them, unless its {@code claim} is {@link Claim#NONE}. A copy of a page
   * queued again that has not settled yet is put down, to be fetched again should that page not
   * keep them.
   *
   * @param prior what an earlier run left for the page, or null: a page that was a duplicate then
   *     and has changed stays one while its original is to settle (see {@link #changedCopyOf})
   */
  String originalOf(QueuedUrl page, String bodyHash, Claim claim, PriorFetch prior) {
    if (claim == Claim.FOR_DOCUMENT) {
      String original = changedCopyOf(page, bodyHash, prior);
      if (original != null) {
        return original;
      }
    }
    String first = holderOtherThan(page.url(), bodyHash, claim);
    if (first == null || refreshed.copied(first, page) || first.equals(owners.owner(bodyHash))) {
      return first;
    }
    // A page queued again settled meanwhile without these bytes: they are free now.
    return holderOtherThan(page.url(), bodyHash, claim);
  }

  /**
   * For a page that may be indexed and was the duplicate of a page queued again, and has changed:
   * while that page is still to settle and no page holds the new bytes, it stays its duplicate
   * ({@link RefreshedOriginals#changedCopy}), so that two copies that changed alike do not swap
   * which one is indexed by the order a refresh fetches them in. Null otherwise.
   */
  private String changedCopyOf(QueuedUrl page, String bodyHash, PriorFetch prior) {
    boolean changedCopy = prior != null && prior.duplicate() && prior.contentHash() != null
        && !bodyHash.equals(prior.contentHash()) && owners.owner(bodyHash) == null;
    String original = changedCopy ? owners.owner(prior.contentHash()) : null;
    boolean staysCopy = original != null && !original.equals(page.url())
        && refreshed.changedCopy(original, bodyHash, page);
    return staysCopy ? original : null;
  }

  /** The page other than {@code url} that holds these bytes, claiming them for it as {@code claim} says; or null. */
  private String holderOtherThan(String url, String bodyHash, Claim claim) {
    return claim == Claim.NONE ? lookUp(url, bodyHash) : claim(url, bodyHash, claim == Claim.FOR_DOCUMENT);
  }

  /**
   * Claims the bytes for {@code url} and returns null, or returns the page first fetched with them.
   * A first page that deferred to {@code url} as its canonical (index.html naming {@code /}, a
   * ?utm= variant naming its page) gives the bytes up to it when {@code url} will hold a document:
   * the canonical is what should be found, and the variant need not be fetched again.
   */
  private String claim(String url, String bodyHash, boolean forDocument) {
    String first = owners.claim(bodyHash, url);
    if (first == null || first.equals(url)) {
      return null;
    }
    boolean firstDeferredHere = forDocument && url.equals(canonicalOf.apply(first));
    return firstDeferredHere && owners.replace(bodyHash, first, url) ? null : first;
  }

  /** The page that holds these bytes, other than {@code url}, without claiming them; or null. */
  private String lookUp(String url, String bodyHash) {
    String first = owners.owner(bodyHash);
    if (url.equals(first)) { // an earlier run indexed it: it is noindex now, and holds nothing
      owners.remove(bodyHash, url);
      return null;
    }
    return first;
  }

  /**
   * A page a conditional fetch found unchanged (304): its body, not fetched again, still counts for
   * finding exact duplicates among the pages that did change.
   */
  void unchanged(String url, PriorFetch prior) {
    if (prior.contentHash() != null && !prior.duplicate()) {
      knownBody(url, prior.contentHash());
    }
  }

  /**
   * A page an earlier run indexed with these bytes, queued again: it holds them from the start, so
   * that a copy fetched whole before its 304 comes is the duplicate, not a second document.
   *
   * @param documentOfTheseBytes false when the index's document of the page is an earlier run's
   *     that records no hash of its bytes
   */
  void queuedAgain(String url, String contentHash, boolean documentOfTheseBytes) {
    knownBody(url, contentHash);
    refreshed.queued(url, contentHash, documentOfTheseBytes);
  }

  /** An earlier run's copy of {@code original}'s bytes, found before that page, queued again, came. */
  void copyFoundBefore(String original, QueuedUrl copy) {
    refreshed.copied(original, copy);
  }

  /**
   * A page queued again was fetched and parsed: it keeps the bytes it held only when indexed with
   * them again ({@code indexedHash}); else they are free, and the copies found meanwhile, to be
   * fetched again, are returned ({@link RefreshedOriginals#settledParsed}).
   */
  List<QueuedUrl> settledParsed(String url, String indexedHash) {
    return refreshed.settledParsed(url, indexedHash, hash -> owners.remove(hash, url));
  }

  /**
   * A page queued again was handled without a parse ({@link UnparsedPages}): it keeps the bytes it
   * held only when it {@code keptDocument} and that document was made from them
   * ({@link RefreshedOriginals#settledUnparsed}); else as {@link #settledParsed}.
   */
  List<QueuedUrl> settledUnparsed(String url, boolean keptDocument) {
    return refreshed.settledUnparsed(url, keptDocument, hash -> owners.remove(hash, url));
  }

  /** A body an earlier run fetched at {@code url}, which later copies are duplicates of. */
  void knownBody(String url, String contentHash) {
    owners.claim(contentHash, url);
  }
}
