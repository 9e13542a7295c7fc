package dev.sitepulse.crawler.index;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy.OneMerge;

/**
 * Lucene's merge threads, each holding its merge until something waits for the merges
 * ({@link #sync}) or the test lets them go: as a merge of big segments on a busy machine would
 * still be running when a crawl commits.
 */
final class HeldMerges extends ConcurrentMergeScheduler {
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();

  /** Merges Lucene started, counted as it starts them, on the thread that triggered them. */
  int started() {
    return started.get();
  }

  void release() {
    released.countDown();
  }

  @Override
  protected synchronized MergeThread getMergeThread(MergeSource source, OneMerge merge) throws IOException {
    started.incrementAndGet();
    return super.getMergeThread(source, merge);
  }

  @Override
  protected void doMerge(MergeSource source, OneMerge merge) throws IOException {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    super.doMerge(source, merge);
  }

  @Override
  public void sync() {
    release();
    super.sync();
  }
}
