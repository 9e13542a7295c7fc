package dev.sitepulse.pinger.internal.condition;

import okhttp3.HttpUrl;

/**
 * One spelling per IPv6 address, the one URLs use and {@code [IP]} gives ({@code ::1}), so that
 * {@code [IP] == 0:0:0:0:0:0:0:1}, the JDK's spelling that {@code [IP]} gave before, still holds.
 */
final class IpSpelling {

  private IpSpelling() {}

  /** An IPv6 address in its short form; anything else as it is. */
  static String canonical(String text) {
    if (text.indexOf(':') < 0) {
      return text;
    }
    HttpUrl url = HttpUrl.parse("http://[" + text + "]/");
    return url == null ? text : url.host();
  }
}
