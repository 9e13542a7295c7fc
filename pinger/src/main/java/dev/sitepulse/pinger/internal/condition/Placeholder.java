package dev.sitepulse.pinger.internal.condition;

import dev.sitepulse.pinger.Observation;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A bracketed name such as {@code [STATUS]} that stands for part of an observation. */
enum Placeholder {
  STATUS("[STATUS]", Kind.NUMBER),
  RESPONSE_TIME("[RESPONSE_TIME]", Kind.MILLIS),
  BODY("[BODY]", Kind.TEXT),
  HEADER("[HEADER]", Kind.TEXT),
  CERTIFICATE_EXPIRATION("[CERTIFICATE_EXPIRATION]", Kind.MILLIS),
  CONNECTED("[CONNECTED]", Kind.BOOLEAN),
  IP("[IP]", Kind.ADDRESS);

  /** What its values can be, which decides what may stand on the other side, and how. */
  enum Kind {
    NUMBER,
    /**
     * A time in milliseconds: the other side may be a duration such as {@code 2s}, and a failure
     * means slow or soon expiring rather than broken, hence DEGRADED.
     */
    MILLIS,
    BOOLEAN,
    /** Text that is never a number, so {@code <} and {@code >} could never hold. */
    ADDRESS,
    /** Text that may or may not read as a number. */
    TEXT
  }

  /** Gatus's placeholders for what sitepulse does not check, and why it does not. */
  private static final Map<String, String> GATUS_ONLY = Map.of(
      "[DNS_RCODE]", "for DNS checks; sitepulse checks HTTP(S) only",
      "[DOMAIN_EXPIRATION]", "for the domain's WHOIS expiry, which sitepulse does not look up",
      "[CONTEXT]", "for suites, which sitepulse does not have");

  private final String name;
  private final Kind kind;

  Placeholder(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  /** The placeholder spelled exactly so (names are case-sensitive, as in Gatus), or null. */
  static Placeholder named(String name) {
    for (Placeholder placeholder : values()) {
      if (placeholder.name.equals(name)) {
        return placeholder;
      }
    }
    return null;
  }

  /** Why {@code name} is no placeholder: one of Gatus's that sitepulse lacks, mistyped, or unknown. */
  static String whyNot(String name) {
    String gatusOnly = GATUS_ONLY.get(name.toUpperCase(Locale.ROOT));
    if (gatusOnly != null) {
      return name + " is a Gatus placeholder " + gatusOnly;
    }
    for (Placeholder placeholder : values()) {
      if (placeholder.name.equalsIgnoreCase(name)) {
        return "unknown placeholder " + name + " (did you mean " + placeholder.name + "? names are upper case)";
      }
    }
    return "unknown placeholder " + name;
  }

  Kind kind() {
    return kind;
  }

  /** Its value in the observation; {@code headerName} is used only by {@link #HEADER}. */
  String read(Observation observation, String headerName) {
    return switch (this) {
      case STATUS -> Integer.toString(observation.status());
      case RESPONSE_TIME -> Long.toString(observation.responseTimeMillis());
      case BODY -> orEmpty(observation.body());
      case HEADER -> orEmpty(header(observation.headers(), headerName));
      case CERTIFICATE_EXPIRATION -> Long.toString(certificateMillisLeft(observation));
      case CONNECTED -> Boolean.toString(observation.connected());
      case IP -> orEmpty(observation.ip());
    };
  }

  private static String header(Map<String, String> headers, String name) {
    return headers == null ? null : headers.get(name);
  }

  private static long certificateMillisLeft(Observation observation) {
    Instant notAfter = observation.certificateNotAfter();
    if (notAfter == null) {
      return 0; // plain HTTP: as in Gatus, nothing left to expire
    }
    // An observation should carry its time; the fallback keeps evaluation from ever throwing.
    Instant now = observation.now() != null ? observation.now() : Instant.now();
    return notAfter.toEpochMilli() - now.toEpochMilli();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
