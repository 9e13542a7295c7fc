package dev.sitepulse.crawler.search.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WordsBesideFiltersTest {

  @Test
  void theWhereClausesAtTheTopOfAQueryAndTheirOperatorsAreLeftOut() {
    assertThat(WhereFilters.wordsBeside("host:docs.python.org AND asyncio -lang:de")).isEqualTo("asyncio");
    assertThat(WhereFilters.wordsBeside("(host:a json) zip")).isEqualTo("(host:a json) zip");
  }

  @Test
  void aQueryOfHundredsOfThousandsOfWordsIsReadInTimeLinearInItsLength() {
    String query = "asyncio host:a ".repeat(100_000).strip();
    // Each clause looked at every word of the query: a query of a megabyte took minutes.
    String words = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WhereFilters.wordsBeside(query));

    assertThat(words.split(" +")).hasSize(100_000).containsOnly("asyncio");
  }
}
