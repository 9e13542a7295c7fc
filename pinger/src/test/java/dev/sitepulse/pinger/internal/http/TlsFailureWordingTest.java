package dev.sitepulse.pinger.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.internal.http.PhaseListener.Stage;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * Certificates that were trusted once but are out of date, as JSSE reports them: the cause sits
 * three exceptions deep, under a "PKIX path validation failed". No local server can be given a
 * trusted certificate, so the chains are built as the JDK builds them.
 */
class TlsFailureWordingTest {

  private static Failure handshakeFailing(Exception cause) {
    CertPathValidatorException validator = new CertPathValidatorException("validity check failed", cause);
    SSLHandshakeException e = new SSLHandshakeException("PKIX path validation failed: " + validator);
    e.initCause(validator);
    return FailureClassifier.of(e, Stage.HANDSHAKING, "shop.example:443");
  }

  @Test
  void anExpiredCertificateIsNamedSoWithItsDate() {
    Failure f = handshakeFailing(new CertificateExpiredException("NotAfter: Tue Jan 02 00:00:00 UTC 2024"));

    assertThat(f.kind()).isEqualTo(ErrorKind.TLS);
    assertThat(f.message()).isEqualTo("TLS handshake with shop.example:443 failed: "
        + "the certificate has expired (NotAfter: Tue Jan 02 00:00:00 UTC 2024)");
  }

  @Test
  void aCertificateNotValidYetIsNamedSo() {
    Failure f = handshakeFailing(new CertificateNotYetValidException("NotBefore: Fri Jan 01 00:00:00 UTC 2100"));

    assertThat(f.message()).isEqualTo("TLS handshake with shop.example:443 failed: "
        + "the certificate is not valid yet (NotBefore: Fri Jan 01 00:00:00 UTC 2100)");
  }

  @Test
  void aCertificateForAnotherHostNamesTheHostsItIsForOnOneLine() {
    // OkHttp's own wording, over four lines.
    SSLPeerUnverifiedException e = new SSLPeerUnverifiedException("""
        Hostname 127.0.0.1 not verified:
            certificate: sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
            DN: CN=shop.example
            subjectAltNames: [shop.example, www.shop.example]""");

    Failure f = FailureClassifier.of(e, Stage.HANDSHAKING, "127.0.0.1:443");

    assertThat(f.kind()).isEqualTo(ErrorKind.TLS);
    assertThat(f.message()).isEqualTo("TLS handshake with 127.0.0.1:443 failed: "
        + "the certificate is not for 127.0.0.1 but for shop.example, www.shop.example");
  }
}
