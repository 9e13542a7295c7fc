package dev.sitepulse.crawler.parse;

/**
 * One {@code <a href>} or {@code <area href>} as the page wrote it.
 *
 * @param url the href, trimmed and resolved against the page's base URL; an href that already has a
 *     scheme ({@code http:}, {@code mailto:}, {@code javascript:}…) is kept as written, and so is
 *     one that cannot be resolved. Not normalized: that is the crawler's job.
 * @param anchor the link text (or an image's alt text) collapsed to one line, possibly empty
 * @param nofollow whether the link itself says {@code rel="nofollow"}; the page-wide meta robots
 *     robots are in {@link ParsedPage#robotsMeta()}
 * @param line 1-based line of the element in the source, or -1 when positions are not tracked
 */
public record Outlink(String url, String anchor, boolean nofollow, int line) {}
