package dev.sitepulse.pinger;

import java.util.HashSet;
import java.util.List;

/** How a redirect chain that never arrives reads, alike in checks and in link reports. */
public final class RedirectChains {
  private RedirectChains() {}

  /**
   * "redirect loop starting at URL" when a URL of {@code urls} comes back, and "more than LIMIT
   * redirects starting at URL" otherwise; URL is the chain's first.
   */
  public static String tooMany(List<String> urls, int limit) {
    boolean loop = new HashSet<>(urls).size() < urls.size();
    String tooLong = "more than " + limit + (limit == 1 ? " redirect" : " redirects");
    return (loop ? "redirect loop" : tooLong) + " starting at " + urls.get(0);
  }
}
