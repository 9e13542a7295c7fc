package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.CsrGraphBuilder;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.LinkGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CrawlGraph: the graph analyze ranks, made of what the crawler read. What is read of crawl.db,
 * and how results are stored there, is the crawler's LinkGraphTest and AnalysisStoreTest.
 */
class CrawlGraphTest {

  @Test
  void eachLinkedPairIsOneEdgeByDestinationHoweverOftenItWasRead() throws Exception {
    // a->b twice (a page fetched again writes its links anew), a->c, b->a, c->a
    LinkGraph read = new LinkGraph(List.of("http://s/a", "http://s/b", "http://s/c"), List.of("A", "B", "C"),
        new long[] {1, 2, 3}, new int[] {0, 0, 1, 2, 0, 0, 0}, new int[] {1, 2, 0, 0, 1, 0, 0}, 5,
        new CrawlDigest(1, 2, 3)); // two entries of room past the five edges read

    CrawlGraph crawl = CrawlGraph.of(read);

    assertThat(crawl.urls).containsExactly("http://s/a", "http://s/b", "http://s/c");
    assertThat(crawl.graph.edgeCount()).isEqualTo(4);
    assertThat(crawl.graph.outDegree()).containsExactly(2, 1, 1);
    assertThat(crawl.graph.inDegree(1)).as("b, from a once").isEqualTo(1);
    assertThat(crawl.digest).isEqualTo(new CrawlDigest(1, 2, 3));
  }

  @Test
  void theCrawlersEdgeLimitIsTheGraphsSoATooBigCrawlIsToldTheLimitPageRankHas() {
    assertThat(LinkGraph.MAX_EDGES).isEqualTo(CsrGraphBuilder.MAX_EDGES);
  }
}
