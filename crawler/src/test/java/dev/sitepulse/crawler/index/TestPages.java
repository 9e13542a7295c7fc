package dev.sitepulse.crawler.index;

import java.util.List;
import java.util.Set;

/**
 * Pages for tests, saying only what a test is about: {@code page("https://h/a.html").title("A").build()}.
 *
 * <p>The rest is a plain page: host from the url, no headings, body or description, fetched with
 * status 200 at 1_700_000_000_000, in English, no link text, no anchors.
 */
public final class TestPages {
  private TestPages() {}

  /** A plain page at {@code url}, to change as a test needs and {@link Builder#build()}. */
  public static Builder page(String url) {
    return new Builder(url);
  }

  /** One page's fields, each settable; {@link #build()} makes the {@link IndexedPage}. */
  public static final class Builder {
    private final String url;
    private String host;
    private String title = "";
    private List<String> headings = List.of();
    private String body = "";
    private String description = "";
    private long fetchedAtMillis = 1_700_000_000_000L;
    private String language = "en";
    private float linkTextShare;
    private Set<String> anchors = Set.of();

    private Builder(String url) {
      this.url = url;
      int start = url.indexOf("//") + 2;
      int end = url.indexOf('/', start);
      this.host = url.substring(start, end < 0 ? url.length() : end);
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder headings(String... headings) {
      this.headings = List.of(headings);
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

    public Builder fetchedAtMillis(long fetchedAtMillis) {
      this.fetchedAtMillis = fetchedAtMillis;
      return this;
    }

    /** {@code null}: the page declared none. */
    public Builder language(String language) {
      this.language = language;
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

    public IndexedPage build() {
      return new IndexedPage(url, host, title, headings, body, description, fetchedAtMillis, 200, language,
          linkTextShare, anchors);
    }
  }
}
