package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlScopeTest {

  @Test
  void aPrefixScopeKeepsToTheFolderOfTheSeedsPathNotToASlashInItsQuery() {
    String seed = "http://docs.example/app/search?path=/docs/x";
    CrawlScope scope = new CrawlScope(
        CrawlConfig.builder(List.of(seed), Path.of("data")).scope(Scope.PREFIX).build(), List.of(seed));

    assertThat(scope.accepts("http://docs.example/app/other.html")).isTrue();
    assertThat(scope.accepts("http://docs.example/app/search?path=/blog/y")).isTrue();
    assertThat(scope.accepts("http://docs.example/other.html")).as("outside /app/").isFalse();
  }
}
