package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PageRecord.Response;
import dev.sitepulse.crawler.store.PriorFetch;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in crawl.db the pages the loop ends itself, with no parse worker: failures, answers
 * that are not HTML or not a 2xx, redirects, 304s and pages robots.txt disallows. Each decides
 * whether the page keeps the document an earlier crawl indexed: it does while what went wrong may
 * pass; otherwise the document is removed first, on the indexer, since a Lucene delete may wait
 * for a flush, which the event loop must not. Each then settles the URL for the pages that
 * deferred to it as their canonical. Touched only on the event loop.
 */
final class UnparsedPages {

  private static final Logger LOG = LoggerFactory.getLogger(UnparsedPages.class);

  private final Context context;
  private final CrawlDb db;
  private final IndexCommits commits;
  private final ExecutorService indexer;
  private final Counters counters;
  private final BodyOwnership bodies;
  private final CanonicalRefetches refetches;
  private final CrawlEnd end;
  private final Runnable removalStarted;
  private final Runnable removalDone;
  private final Clock clock;

  /**
   * @param removalStarted run as a document's removal is handed to the indexer: the loop has work
   *     outstanding
   * @param removalDone run on the loop once it is over and the page recorded
   */
  UnparsedPages(CrawlSetup setup, Counters counters, PageWork pages, CanonicalRefetches refetches,
      CrawlEnd end, Runnable removalStarted, Runnable removalDone) {
    this.context = setup.context();
    this.db = setup.db();
    this.commits = setup.commits();
    this.indexer = setup.indexer();
    this.counters = counters;
    this.bodies = pages.bodies();
    this.refetches = refetches;
    this.end = end;
    this.removalStarted = removalStarted;
    this.removalDone = removalDone;
    this.clock = setup.clock();
  }

  /** A page that could not be fetched keeps any document it had: the failure may pass. */
  void failed(String url, PriorFetch prior, String kind, String message, double fetchMillis) {
    counters.error(kind);
    boolean keptDocument = hadDocument(prior);
    List<QueuedUrl> copies = bodies.settledUnparsed(url, keptDocument);
    db.record(PageRecord.failed(url, kind, message, fetchMillis, clock.millis(),
        commits.nextSeq(), keptDocument), queuedAgainWith(keptDocument, copies));
    settled(url, keptDocument, copies);
  }

  /** Not HTML, or not a 2xx: recorded, with validators for a refresh if it was a 2xx. */
  void plain(String url, FetchResult r, PriorFetch prior, String note, long fetchedAt) {
    CacheValidators validators = r.status() >= 200 && r.status() < 300 ? r.validators() : CacheValidators.NONE;
    Response response = Response.of(r, note != null ? note : r.message(), fetchedAt, validators);
    // A 5xx or a 429 (after its retries) may pass, like a network failure, and a 304 nobody asked
    // for says nothing: the page keeps its document until it is gone for sure.
    boolean mayPass = r.status() >= 500 || r.status() == 429 || r.notModified();
    boolean keepsDocument = mayPass && hadDocument(prior);
    List<QueuedUrl> copies = bodies.settledUnparsed(url, keepsDocument);
    withoutDocument(url, !mayPass && hadDocument(prior), seq ->
        db.record(PageRecord.unparsed(url, response, seq, keepsDocument), queuedAgainWith(keepsDocument, copies)));
    settled(url, keepsDocument, copies);
  }

  /**
   * A redirect to {@code target} (null: unusable), whose queueing added {@code queued}.
   *
   * @param tooMany whether it closes a loop, or its chain is too long: the TOO_MANY_REDIRECTS of its
   *     chain, which the response's message words
   */
  void redirect(String url, Response response, String target, List<QueuedUrl> queued, boolean tooMany,
      PriorFetch prior) {
    if (tooMany) {
      counters.error(ErrorKind.TOO_MANY_REDIRECTS.name());
    }
    withoutDocument(url, hadDocument(prior), seq ->
        db.record(PageRecord.redirect(url, response, target, queued, tooMany, seq)));
    settled(url, false);
  }

  /** A page its site now disallows leaves the index too. */
  void disallowed(String url, PriorFetch prior) {
    counters.robotsBlocked++;
    withoutDocument(url, hadDocument(prior),
        seq -> db.markSkipped(url, UrlState.SKIPPED_ROBOTS, "disallowed by robots.txt", seq));
    settled(url, false);
  }

  /** A 304 to a conditional fetch: the page, its document and its links stand as they were. */
  void unchanged(String url, FetchResult r, PriorFetch prior) {
    counters.unchanged++;
    bodies.unchanged(url, prior);
    db.markUnchanged(url, r.phases().totalNanos() / 1e6);
    settled(url, prior.indexed() || prior.duplicate());
  }

  /**
   * A 304 to a conditional fetch after the page's {@code unavailable_after} date: the page is
   * noindex now, as it would be fetched whole, and leaves the index. Its validators go with its
   * document, so that a later refresh fetches it whole.
   */
  void unavailable(String url, PriorFetch prior) {
    bodies.unchanged(url, prior);
    String why = "not modified, but unavailable_after " + Instant.ofEpochMilli(prior.unavailableAfterMillis())
        + " has passed";
    withoutDocument(url, hadDocument(prior), seq -> db.markSkipped(url, UrlState.DONE, why, seq));
    settled(url, false);
  }

  /**
   * The pages that deferred to {@code url} as their canonical, or found to copy the bytes it held
   * before it was fetched again, are fetched again when it has no document now, or one made from
   * other bytes. A 304 keeps the document and the bytes: a page whose document may be made from
   * other bytes has no validators (the resume cleared them), so none is asked for.
   */
  private void settled(String url, boolean hasDocument) {
    settled(url, hasDocument, bodies.settledUnparsed(url, hasDocument));
  }

  /** As above, once the bytes it held were settled, leaving {@code copies} to fetch again. */
  private void settled(String url, boolean hasDocument, List<QueuedUrl> copies) {
    refetches.settled(url, hasDocument);
    refetches.copiesFetchedAgain(url, copies);
  }

  /**
   * What crawl.db queues again with the record of a page that keeps a document of other bytes than
   * {@code copies} have: there it holds no bytes, which counts as holding its copies', so that a run
   * that ends before fetching them would leave their text in no document for good.
   */
  private static List<String> queuedAgainWith(boolean keepsDocument, List<QueuedUrl> copies) {
    return keepsDocument ? copies.stream().map(QueuedUrl::url).toList() : List.of();
  }

  private static boolean hadDocument(PriorFetch prior) {
    return prior != null && prior.indexed();
  }

  /**
   * Records a page that has no document now. One an earlier crawl indexed is removed first, on the
   * indexer: a Lucene delete may wait for a flush, which the event loop must not.
   */
  private void withoutDocument(String url, boolean removeDocument, LongConsumer record) {
    if (!removeDocument) {
      record.accept(commits.nextSeq());
      return;
    }
    counters.documentRemoved(url);
    removalStarted.run();
    CompletableFuture.runAsync(() -> commits.remove(url, record), indexer)
        .whenComplete((v, error) -> context.runOnContext(x -> {
          if (error != null && error.getCause() instanceof IndexCommits.IndexWriteFailed failed) {
            end.crash(failed); // the loop stops: removalDone's pump then starts nothing
          } else if (error != null) {
            LOG.warn("could not remove {} from the index: {}", url, error.toString());
          }
          removalDone.run();
        }));
  }
}
