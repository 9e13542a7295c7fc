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
  TOO_MANY_REDIRECTS,
  /**
   * Not sent: the last checks of its host and port could not reach it, and its circuit is open
   * ({@link CircuitBreakerSettings}).
   */
  CIRCUIT_OPEN,
  /**
   * Not sent: sitepulse could not start the attempt (its checks being stopped under it, or a fault
   * of its own), so the host was not asked. Last, as history stores kinds by their order.
   */
  NOT_STARTED;

  /**
   * Retrying cannot change the outcome of a malformed URL or a redirect loop, a check its circuit
   * held back would be held back again, and one sitepulse could not start would meet the same.
   */
  public boolean isTransient() {
    return this != INVALID_URL && this != TOO_MANY_REDIRECTS && sent();
  }

  /**
   * Whether the check was sent: false for one its circuit held back or sitepulse could not start,
   * which says nothing of the target.
   */
  public boolean sent() {
    return this != CIRCUIT_OPEN && this != NOT_STARTED;
  }

  /**
   * Whether a check that ended so counts toward its target's state, alerts and availability: all
   * but NOT_STARTED, which stands for nothing the target did. A check its circuit held back counts,
   * although not sent: the circuit opened as its host could not be reached, and holds the check
   * back as one that would fail as those did.
   */
  public boolean counts() {
    return this != NOT_STARTED;
  }

  /**
   * Whether the host could not be reached at all: it has no address, or nothing took the
   * connection. Any answer, even a reset, a 500 or a slow one, says the host is there.
   */
  public boolean hostUnreachable() {
    return this == DNS || this == CONNECT_REFUSED || this == CONNECT_TIMEOUT;
  }
}
