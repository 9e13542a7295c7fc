package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.Phases;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@link Phases} in milliseconds with at most 3 decimals. Decimal rather than double so that the
 * JSON and CSV show {@code 25.1}, never {@code 25.100000000000001} or {@code 1.0E7}.
 */
record TimingsMs(
    BigDecimal dns,
    BigDecimal connect,
    BigDecimal tls,
    BigDecimal processing,
    BigDecimal transfer,
    BigDecimal total) {

  static TimingsMs of(Phases p) {
    return new TimingsMs(
        millis(p.dnsNanos()),
        millis(p.connectNanos()),
        millis(p.tlsNanos()),
        millis(p.processingNanos()),
        millis(p.transferNanos()),
        millis(p.totalNanos()));
  }

  static BigDecimal millis(long nanos) {
    return BigDecimal.valueOf(nanos, 6).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
