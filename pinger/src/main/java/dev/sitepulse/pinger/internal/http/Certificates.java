package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.TlsInfo;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.Handshake;

final class Certificates {
  private Certificates() {}

  /**
   * The negotiated TLS, the leaf's subject and issuer, and the earliest expiry in the chain (an
   * expiring intermediate breaks the site as surely as an expiring leaf), or null for plain HTTP.
   */
  static TlsInfo describe(Handshake handshake, List<Certificate> presented) {
    if (handshake == null) {
      return null;
    }
    String subject = null;
    String issuer = null;
    java.time.Instant notAfter = null;
    for (Certificate c : presented.isEmpty() ? handshake.peerCertificates() : presented) {
      if (c instanceof X509Certificate x) {
        if (subject == null) {
          subject = x.getSubjectX500Principal().getName();
          issuer = x.getIssuerX500Principal().getName();
        }
        java.time.Instant expiry = x.getNotAfter().toInstant();
        notAfter = notAfter == null || expiry.isBefore(notAfter) ? expiry : notAfter;
      }
    }
    return new TlsInfo(
        handshake.tlsVersion().javaName(), handshake.cipherSuite().javaName(), subject, issuer, notAfter);
  }
}
