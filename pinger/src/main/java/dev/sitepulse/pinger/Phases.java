package dev.sitepulse.pinger;

/**
 * Where the time of one HTTP exchange went, in nanoseconds. It starts with its first step on the
 * network (the DNS lookup, else the connect, else the request on a reused connection). The phases
 * follow each other and add up to the total, as curl's times do: each runs from where the one
 * before it ended, so a small gap between two (writing the request after the connect) is in the
 * one after it. A phase that did not happen (no DNS for an IP literal, no TLS for plain HTTP, no
 * connect on a reused connection) is 0, as blackbox_exporter reports it.
 *
 * @param dnsNanos the exchange's start to the name resolved
 * @param connectNanos to the TCP connection made
 * @param tlsNanos to the TLS handshake done
 * @param processingNanos to the final response head (after any 100 Continue), from the connection
 *     ready: writing the request and the server's work
 * @param transferNanos the final response head to the end of the body read
 * @param totalNanos the whole exchange, its start to the end of its body read: the sum of the
 *     phases
 */
public record Phases(
    long dnsNanos,
    long connectNanos,
    long tlsNanos,
    long processingNanos,
    long transferNanos,
    long totalNanos) {

  public static final Phases NONE = new Phases(0, 0, 0, 0, 0, 0);

  public Phases plus(Phases o) {
    return new Phases(
        dnsNanos + o.dnsNanos,
        connectNanos + o.connectNanos,
        tlsNanos + o.tlsNanos,
        processingNanos + o.processingNanos,
        transferNanos + o.transferNanos,
        totalNanos + o.totalNanos);
  }

  public static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
