package dev.sitepulse.pinger;

/**
 * Where the time of one HTTP exchange went, in nanoseconds. A phase that did not happen (no DNS
 * for an IP literal, no TLS for plain HTTP, no connect on a reused connection) is 0, as
 * blackbox_exporter reports it.
 *
 * @param dnsNanos name resolution
 * @param connectNanos TCP connect
 * @param tlsNanos TLS handshake, start to end
 * @param processingNanos request sent to the final response head (after any 100 Continue)
 * @param transferNanos the final response head to the end of the body read
 * @param totalNanos the whole exchange, including any time not attributed to a phase
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
