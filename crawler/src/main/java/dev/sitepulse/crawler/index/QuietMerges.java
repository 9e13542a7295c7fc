package dev.sitepulse.crawler.index;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lucene's merge threads, minus their last word on a failed merge. Lucene rethrows the failure on
 * the merge thread, whose death printed a stack trace on stderr (a merge reads whole segments and
 * checks their checksums, so it is often where damage shows). The writer closes itself on such a
 * failure and reports it as its tragic exception on the next change or commit, in one line.
 */
final class QuietMerges extends ConcurrentMergeScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(QuietMerges.class);

  @Override
  protected void handleMergeException(Throwable failure) {
    LOG.debug("merge failed; the index writer closed and reports it", failure);
  }
}
