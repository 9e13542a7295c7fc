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

  /**
   * The first line of a line range, {@code 400} of {@code 400-403} or {@code L2} of {@code L2-L4};
   * null for any other fragment. rustdoc links every item to its source lines so, and its source
   * pages (as GitHub's) give each line an id that their script scrolls to, highlighting the range:
   * no element has the range's own id.
   */
  static String firstLineOf(String fragment) {
    int dash = fragment.indexOf('-');
    if (dash <= 0 || !isLine(fragment, 0, dash) || !isLine(fragment, dash + 1, fragment.length())) {
      return null;
    }
    return fragment.substring(0, dash);
  }

  /** {@code N} or {@code LN}, N digits, from {@code start} to {@code end}. */
  private static boolean isLine(String s, int start, int end) {
    int digits = start < end && s.charAt(start) == 'L' ? start + 1 : start;
    if (digits >= end) {
      return false;
    }
    for (int i = digits; i < end; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** %XX escapes decoded as UTF-8; '+' and a '%' that starts no escape stay as written. */
  static String percentDecoded(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    return ANY_PAGE.newBuilder().encodedFragment(fragment).build().fragment();
  }
}
