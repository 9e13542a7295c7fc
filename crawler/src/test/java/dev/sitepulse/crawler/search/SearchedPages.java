package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Pages indexed in one commit for a test, and the URLs a query finds among them, best first. */
final class SearchedPages {
  private SearchedPages() {}

  static PageSearcher indexed(Path dir, IndexedPage... pages) throws IOException {
    try (PageIndex index = PageIndex.open(dir)) {
      for (IndexedPage page : pages) {
        index.upsert(page);
      }
      index.commit(Map.of());
    }
    return PageSearcher.open(dir);
  }

  static List<String> urls(PageSearcher searcher, String query) throws InvalidQueryException {
    return searcher.search(query, 10).hits().stream().map(SearchHit::url).toList();
  }
}
