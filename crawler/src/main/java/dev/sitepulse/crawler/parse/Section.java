package dev.sitepulse.crawler.parse;

/**
 * A part of a page's text that a link can go to: a heading and what follows it up to the next
 * heading, or a definition term ({@code <dt id>}) and its description, up to the end of its list.
 *
 * @param id the fragment that goes to it, as the page writes it; empty for a heading with none,
 *     which still ends the section before it
 * @param start where it starts in {@link ParsedPage#text()}, in chars
 * @param end where it ends, exclusive
 */
public record Section(String id, int start, int end) {

  public Section {
    if (id == null || start < 0 || end < start) {
      throw new IllegalArgumentException("bad section " + id + " [" + start + ", " + end + ")");
    }
  }
}
