package dev.sitepulse.crawler.links;

import okhttp3.HttpUrl;

/**
 * A link's #fragment as the id it names. URLDecoder is for form data and wrong here: it turns
 * '+' into a space and throws on a '%' that starts no escape, which one careless href on a site
 * would turn into a failed check. OkHttp decodes a fragment as a URL does.
 */
final class Fragments {

  private static final HttpUrl ANY_PAGE = HttpUrl.get("http://page.invalid/");

  private Fragments() {}

  /**
   * The part of a fragment that names an element: a text fragment's directive ({@code
   * #:~:text=hello}, {@code #intro:~:text=x}) is for the browser to find words, not an id.
   */
  static String elementPart(String fragment) {
    int directive = fragment.indexOf(":~:");
    return directive < 0 ? fragment : fragment.substring(0, directive);
  }

  /** %XX escapes decoded as UTF-8; '+' and a '%' that starts no escape stay as written. */
  static String percentDecoded(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    return ANY_PAGE.newBuilder().encodedFragment(fragment).build().fragment();
  }
}
