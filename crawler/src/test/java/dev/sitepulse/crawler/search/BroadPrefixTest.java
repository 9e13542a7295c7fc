package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.index.PageIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BroadPrefixTest {

  @TempDir Path dir;

  @Test
  void severalPrefixesThatEachMatchHundredsOfWordsStillFindAndMarkTheirPages() throws Exception {
    // 300 distinct words per prefix in each of the four text fields: expanded for the highlighter,
    // 40 prefixes make 40 × 4 × 64 clauses, past the searcher's limit of 8192.
    List<String> prefixes = List.of("ca", "de", "pr", "st", "mo", "ba", "fi", "gr", "ho", "ju", "ki", "lo", "ne",
        "pa", "ru", "sa", "tu", "vi", "wo", "ze", "cl", "dr", "pl", "sp", "mi", "bo", "fa", "gl", "ha", "ja", "ke",
        "li", "no", "pe", "ri", "se", "ti", "ve", "wa", "yo");
    String body = prefixes.stream()
        .flatMap(p -> IntStream.range(0, 300).mapToObj(i -> p + Integer.toString(i, 26).replaceAll("\\d", "x") + "q" + i))
        .collect(Collectors.joining(" "));
    try (PageIndex index = PageIndex.open(dir)) {
      for (int i = 0; i < 5; i++) {
        index.upsert(page("https://words.example/" + i)
            .title(body + " " + i).headings(List.of(body)).body(body).description(body).build());
      }
      index.commit(Map.of());
    }

    try (PageSearcher searcher = PageSearcher.open(dir)) {
      SearchResults results = searcher.search(prefixes.stream().map(p -> p + "*").collect(Collectors.joining(" ")), 10);

      assertThat(results.totalHits()).isEqualTo(5);
      SearchHit hit = results.hits().get(0);
      assertThat(hit.highlights()).isNotEmpty()
          .allSatisfy(h -> assertThat(hit.snippet().substring(h.start(), h.end())).matches("(" + String.join("|", prefixes) + ").*"));
    }
  }
}
