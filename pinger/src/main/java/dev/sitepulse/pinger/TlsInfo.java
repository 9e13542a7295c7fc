package dev.sitepulse.pinger;

import java.time.Instant;

/** What the TLS handshake of a check negotiated, and the leaf certificate the server showed. */
public record TlsInfo(String version, String cipherSuite, String subject, String issuer, Instant notAfter) {}
