package dev.sitepulse.pinger.watch;

/**
 * Where the watch's HTTP server listens: {@code 127.0.0.1:9321}, {@code [::1]:9321} or
 * {@code localhost:0} (any free port).
 */
public record ListenAddress(String host, int port) {

  public ListenAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("listen needs a host, e.g. 127.0.0.1:9321");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
  }

  /** @throws IllegalArgumentException quoting the text and showing the accepted form */
  public static ListenAddress parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException("\"" + text + "\" is not host:port (use e.g. 127.0.0.1:9321)");
    }
    String host = t.substring(0, colon);
    boolean bracketed = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.contains("[") || host.contains("]") || (!bracketed && host.contains(":"))) {
      throw new IllegalArgumentException("\"" + text + "\" is not host:port (an IPv6 address goes in brackets: [::1]:9321)");
    }
    int port;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not host:port (use e.g. 127.0.0.1:9321)");
    }
    return new ListenAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
