package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ResolvedLinksTest {

  private static final String LINK = "http://a.example/x";

  @Test
  void twoWorkersResolvingOneNewLinkAtOnceLetOnlyOneClaimIt() throws Exception {
    // Neither worker leaves normalize before both are in it: each has missed the memory.
    CyclicBarrier bothMissed = new CyclicBarrier(2);
    UnaryOperator<String> normalize = href -> {
      await(bothMissed);
      return href;
    };
    ResolvedLinks links = new ResolvedLinks(normalize, url -> true, 100);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Boolean>> claims = List.of(
          CompletableFuture.supplyAsync(() -> links.resolve(LINK).claim(), workers),
          CompletableFuture.supplyAsync(() -> links.resolve(LINK + "#top").claim(), workers));

      assertThat(claims.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void aLinkIsClaimedOnceWhileRemembered() {
    ResolvedLinks links = new ResolvedLinks(UnaryOperator.identity(), url -> true, 2);

    assertThat(links.resolve(LINK).claim()).isTrue();
    assertThat(links.resolve(LINK).claim()).isFalse();
    links.resolve("http://a.example/y");
    links.resolve("http://a.example/z"); // the memory is full: emptied, claims with it

    assertThat(links.resolve(LINK).claim()).as("queued once more; crawl.db and the frontier drop it").isTrue();
  }

  @Test
  void aLinkThatCannotBeCrawledResolvesToNothing() {
    ResolvedLinks links = new ResolvedLinks(href -> null, url -> true, 2);

    assertThat(links.resolve("http://exa mple.com/")).isNull();
    assertThat(links.resolve("http://exa mple.com/")).isNull();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
