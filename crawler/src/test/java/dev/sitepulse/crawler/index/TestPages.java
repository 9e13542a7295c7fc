package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.parse.Section;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages for tests, saying only what a test is about: {@code page("https://h/a.html").title("A").build()}.
 *
 * <p>The rest is a plain page: host from the url, no title, headings, body or description, all
 * prose (link-text share 0), no anchors, fetched in English with status 200 at 1_700_000_000_000.
 */
public final class TestPages {
  private TestPages() {}

  /** A plain page at {@code url}, to change as a test needs and {@link Builder#build()}. */
  public static Builder page(String url) {
    return new Builder(url);
  }

  /** The fields tests vary; {@link #build()} makes the {@link IndexedPage}. */
  public static final class Builder {
    private final String url;
    private final String host;
    private String title = "";
    private List<String> headings = List.of();
    private String body = "";
    private String description = "";
    private float linkTextShare;
    private Set<String> anchors = Set.of();
    private Set<String> definitionIds = Set.of();
    private Map<String, String> termNames = Map.of();
    private List<Section> sections = List.of();
    private String language = "en";
    private long fetchedAtMillis = 1_700_000_000_000L;

    private Builder(String url) {
      this.url = url;
      this.host = java.net.URI.create(url).getHost();
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder headings(List<String> headings) {
      this.headings = headings;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder linkTextShare(float linkTextShare) {
      this.linkTextShare = linkTextShare;
      return this;
    }

    public Builder anchors(Set<String> anchors) {
      this.anchors = anchors;
      return this;
    }

    /** Ids of definition terms ({@code <dt id>}); each is one of the anchors too, as a parse makes them. */
    public Builder definitionIds(Set<String> definitionIds) {
      this.definitionIds = definitionIds;
      return this;
    }

    /** By definition term id, the name the term's text starts with where the id spells it in another form. */
    public Builder termNames(Map<String, String> termNames) {
      this.termNames = termNames;
      return this;
    }

    /** Where links may go in the body, as a parse finds them. */
    public Builder sections(List<Section> sections) {
      this.sections = sections;
      return this;
    }

    /** The language the page declares, as written ({@code en-US}), or null. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** When the page was fetched, in epoch milliseconds. */
    public Builder fetchedAt(long fetchedAtMillis) {
      this.fetchedAtMillis = fetchedAtMillis;
      return this;
    }

    public IndexedPage build() {
      return new IndexedPage(url, host, title, headings, body, description, fetchedAtMillis, 200, language,
          linkTextShare, anchors, definitionIds, termNames, sections, Set.of(), null, null, null);
    }
  }
}
