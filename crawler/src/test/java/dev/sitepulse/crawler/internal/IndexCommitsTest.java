package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.index.TestPages;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PageRecord.Response;
import dev.sitepulse.pinger.CacheValidators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and crawl.db move in step: a commit vouches only for pages crawl.db really holds. */
class IndexCommitsTest {

  @TempDir Path dir;

  @Test
  void aCommitRecordsTheLastSequenceOnceCrawlDbHasEveryPageUpToIt() throws Exception {
    try (CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
        PageIndex index = PageIndex.open(dir.resolve("index"))) {
      db.enqueue(List.of(new QueuedUrl("http://a/", 0)));
      IndexCommits commits = new IndexCommits(index, db, 0, Runnable::run);
      commits.add(document("http://a/"), seq -> db.record(page("http://a/", seq)));

      commits.commit();

      assertThat(index.lastCommitData()).containsEntry(IndexCommits.SEQ, "1");
      assertThat(index.docCount()).isEqualTo(1);
    }
  }

  @Test
  void whenCrawlDbLostABatchTheIndexIsNotCommittedAndTheCommitSaysWhy() throws Exception {
    try (CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
        PageIndex index = PageIndex.open(dir.resolve("index"))) {
      IndexCommits commits = new IndexCommits(index, db, 0, Runnable::run);
      // crawl.db has no row for this page, so the batch holding its record fails
      commits.add(document("http://gone/"), seq -> db.record(page("http://gone/", seq)));

      assertThatThrownBy(commits::commit).hasMessageStartingWith("crawl.db write failed: ");

      assertThat(index.lastCommitData()).isEmpty();
      assertThat(index.docCount()).isZero();
    }
  }

  @Test
  void pagesIndexedOnSeveralThreadsAreAllInACommitThatAHelperThreadWroteOutInPart() throws Exception {
    ExecutorService parsers = Executors.newFixedThreadPool(2);
    try (CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
        PageIndex index = PageIndex.open(dir.resolve("index"))) {
      List<QueuedUrl> urls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        urls.add(new QueuedUrl("http://a/" + i, 0));
      }
      db.enqueue(urls);
      IndexCommits commits = new IndexCommits(index, db, 0, parsers);
      // Two threads indexing at once leave IndexWriter with a buffer each.
      CountDownLatch both = new CountDownLatch(2);
      List<Future<?>> indexing = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int first = t * 20;
        indexing.add(parsers.submit(() -> {
          both.countDown();
          both.await();
          for (int i = first; i < first + 20; i++) {
            String url = "http://a/" + i;
            commits.add(document(url), seq -> db.record(page(url, seq)));
          }
          return null;
        }));
      }
      for (Future<?> f : indexing) {
        f.get();
      }

      commits.commit();

      assertThat(index.docCount()).isEqualTo(40);
      assertThat(index.lastCommitData()).containsEntry(IndexCommits.SEQ, "40");
    } finally {
      parsers.shutdownNow();
    }
  }

  private static IndexedPage document(String url) {
    return TestPages.page(url).title("Title").body("body text").build();
  }

  private static PageRecord page(String url, long seq) {
    Response ok = new Response(200, null, "text/html", 10, 1.0, 0L, CacheValidators.NONE);
    return PageRecord.parsed(url, ok, seq, true, "h", 0L, "Title", null, null, null,
        List.of(new PageRecord.LinkRecord("http://a/x", null, "x", -1, false)), List.of(), List.of(), 0, 0);
  }
}
