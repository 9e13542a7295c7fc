package dev.sitepulse.pinger;

/** Why a check with verdict {@link Verdict#ERROR} could not be made. */
public enum ErrorKind {
  INVALID_URL,
  DNS,
  CONNECT_REFUSED,
  CONNECT_TIMEOUT,
  /** Handshake failures and certificate problems (expired, untrusted, wrong host). */
  TLS,
  /** The server reset or closed the connection before a complete response. */
  RESET,
  /** The server answered with something that is not valid HTTP. */
  PROTOCOL,
  TOO_MANY_REDIRECTS;

  /** Retrying cannot change the outcome of a malformed URL or a redirect loop. */
  public boolean isTransient() {
    return this != INVALID_URL && this != TOO_MANY_REDIRECTS;
  }
}
