package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import org.junit.jupiter.api.Test;

class CanonicalRefetchesTest {

  private static final String HOST = "http://docs.example";
  private static final String CANONICAL = HOST + "/page";
  private static final String VARIANT = HOST + "/page?print=1";

  private final CanonicalWaits canonicals = new CanonicalWaits();
  private final Frontier frontier = new Frontier(8, 2, 0);

  @Test
  void aPageWhoseCanonicalEndsWithoutADocumentIsQueuedAgainAndCountedOnlyOnce() {
    CanonicalRefetches refetches = new CanonicalRefetches(CrawlPurpose.SEARCH, canonicals, frontier);
    canonicals.await(CANONICAL, new QueuedUrl(VARIANT, 2));

    refetches.settled(CANONICAL, false);

    assertThat(frontier.poll(0)).isEqualTo(new Frontier.Next(VARIANT, HOST, 2));
    assertThat(refetches.takeRequeued(VARIANT)).as("its second fetch").isTrue();
    assertThat(refetches.takeRequeued(VARIANT)).as("said once").isFalse();
    assertThat(refetches.takeRequeued(CANONICAL)).isFalse();
  }

  @Test
  void aPageWhoseCanonicalHasADocumentStaysDeferred() {
    CanonicalRefetches refetches = new CanonicalRefetches(CrawlPurpose.SEARCH, canonicals, frontier);
    canonicals.await(CANONICAL, new QueuedUrl(VARIANT, 2));

    refetches.settled(CANONICAL, true);

    assertThat(frontier.queued()).isZero();
    assertThat(refetches.takeRequeued(VARIANT)).isFalse();
  }

  @Test
  void aLinkCheckFetchesNothingAgainForACanonical() {
    CanonicalRefetches refetches = new CanonicalRefetches(CrawlPurpose.LINK_CHECK, canonicals, frontier);
    canonicals.await(CANONICAL, new QueuedUrl(VARIANT, 2));

    refetches.settled(CANONICAL, false);

    assertThat(frontier.queued()).isZero();
  }
}
