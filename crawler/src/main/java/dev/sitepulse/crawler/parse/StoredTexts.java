package dev.sitepulse.crawler.parse;

/**
 * How much of a page's short texts the crawl keeps: crawl.db and the index store each whole, and a
 * search reads the title back for every hit, so a page with a title of 10 MB made each search that
 * found it take seconds. Browsers show a title's first few dozen characters in a tab, search
 * engines some 60 of a title and 160 of a description; the longest titles of real docs sites run to
 * some 150. The caps leave room for those and cut only what no reader is shown. What is cut is not
 * searchable in these fields; a heading's and a link's words are also the body's, which is whole.
 */
public final class StoredTexts {

  /** Characters of the title kept. */
  public static final int TITLE = 500;
  /** Characters of the meta description kept. */
  public static final int DESCRIPTION = 1_000;
  /** Characters of each heading kept. */
  public static final int HEADING = 500;
  /** Characters of a link's text kept: the anchor text crawl.db records and search weighs. */
  public static final int LINK_TEXT = 500;

  private StoredTexts() {}
}
