package dev.sitepulse.crawler.parse;

import java.util.Set;

/**
 * A resource a page embeds, which a browser fetches to show the page: an image, a stylesheet, a
 * script, a frame, a media file. Only a link check collects them; it fetches the site's own
 * (parsing only a frame's page) and checks other sites' online.
 *
 * @param url resolved as {@link Outlink#url()} is; a {@code data:} or other non-http URL is kept
 *     as written, for the caller to count
 * @param element how the page embeds it: the element as it would be written without its URL,
 *     e.g. {@code img}, {@code img srcset}, {@code link rel=stylesheet}, {@code video poster},
 *     {@code input type=image}
 * @param alt the alt text of an {@code img} or {@code input type=image}, collapsed to one line;
 *     else ""
 * @param line 1-based line of the element in the source
 */
public record Embed(String url, String element, String alt, int line) {

  /** The elements that show another page inside this one, which may embed frames in turn. */
  public static final Set<String> FRAMES = Set.of("iframe", "frame", "object", "embed");

  /** Whether {@code element} shows a page (a frame's page is parsed, an image is not). */
  public static boolean isFrame(String element) {
    return FRAMES.contains(element);
  }
}
