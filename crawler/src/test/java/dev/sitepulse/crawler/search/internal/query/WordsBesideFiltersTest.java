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
    String query = "asyncio host:a ".repeat(500_000).strip();
    // Read in linear time, these 7 MB take a few seconds on a loaded machine. Each clause looking
    // at every word, or each clause left out moving the rest of the query, took tens of seconds
    // on a fifth of it, so minutes here: the bound only stops a run that would go on that long.
    String words = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> WhereFilters.wordsBeside(query));

    assertThat(words.split(" +")).hasSize(500_000).containsOnly("asyncio");
  }
}
