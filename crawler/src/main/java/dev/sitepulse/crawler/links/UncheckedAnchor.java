package dev.sitepulse.crawler.links;

/**
 * A link's #fragment that --check-anchors could not judge: its page works, but the check could not
 * tell whether it has such an id. Neither broken nor fine; the report counts it, with why.
 *
 * @param url the target with its fragment, {@code page.html#frag}
 */
public record UncheckedAnchor(String url, Why why) {

  /** Why the fragment was not checked. */
  public enum Why {
    /** The id was not among those before the cut; it may be after it. */
    CUT_AT_MAX_BODY("page cut at --max-body"),
    /**
     * Checked online and found working, but its page could not be fetched again for its ids (it
     * failed, or answered otherwise this time).
     */
    PAGE_NOT_READ("page could not be read for its ids"),
    /** Checked online and found working, but its host's robots.txt disallows reading its page. */
    ROBOTS_DISALLOWED("robots.txt disallows reading it"),
    /** Checked online and found working, but the check was stopped before its page was read. */
    CHECK_STOPPED("check stopped before its page was read");

    private final String words;

    Why(String words) {
      this.words = words;
    }

    /** "page cut at --max-body". */
    public String words() {
      return words;
    }
  }
}
