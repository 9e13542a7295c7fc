package dev.sitepulse.pinger.internal.http;

import static dev.sitepulse.pinger.ErrorKind.CONNECT_REFUSED;
import static dev.sitepulse.pinger.ErrorKind.CONNECT_TIMEOUT;
import static dev.sitepulse.pinger.ErrorKind.DNS;
import static dev.sitepulse.pinger.ErrorKind.NOT_STARTED;
import static dev.sitepulse.pinger.ErrorKind.PROTOCOL;
import static dev.sitepulse.pinger.ErrorKind.RESET;
import static dev.sitepulse.pinger.ErrorKind.TLS;

import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.internal.http.PhaseListener.Stage;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * Turns what went wrong in an exchange into a verdict. The stage the call had reached matters as
 * much as the exception: a timeout while connecting is a dead host, a timeout afterwards is a
 * slow server.
 */
final class FailureClassifier {

  private static final String STATUS_LINE_PREFIX = "unexpected status line: ";
  private static final int STATUS_LINE_SHOWN = 40;
  private static final int MESSAGE_LENGTH = 120;
  /** How Okio words a hexadecimal number past a long: a chunk size. */
  private static final String NUMBER_TOO_LARGE = "number too large:";
  /** How OkHttp words a body cut short, and an exchange whose response never came. */
  private static final String CUT_SHORT = "unexpected end of stream";
  /** Okio's gunzipping source, which OkHttp reads a gzip body through. */
  private static final String GZIP_READER = "okio.GzipSource";
  /** What a connection that ended between an interim (1xx) head and the final one had sent. */
  private static final String AFTER_INTERIM = " after an informational (1xx) status, before the final response";
  /**
   * OkHttp's reader of a response head: its readHeaders reads the fields after the status line, which
   * is read without it. A line cut off there ("Content-Le") is no missing status line.
   */
  private static final String HEADERS_READER = "okhttp3.internal.http1.HeadersReader";
  private static final Pattern EOF_LIMIT = Pattern.compile("not found: limit=(\\d+)");
  private static final Pattern EOF_CONTENT = Pattern.compile("content=([0-9a-f]+)");
  /** OkHttp's hostname check: "Hostname h not verified:" and the certificate on lines below. */
  private static final Pattern NOT_VERIFIED = Pattern.compile("^Hostname (\\S+) not verified:");
  private static final Pattern SUBJECT_ALT_NAMES = Pattern.compile("subjectAltNames: \\[([^\\]\\n]*)]");
  /** A header field name (an RFC 9110 token) and its colon. */
  private static final Pattern HEADER_FIELD_START = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+:");

  private FailureClassifier() {}

  /** The attempt ran out of time at the given stage. */
  static Failure timedOut(Stage stage, Duration timeout, String host) {
    String after = "after " + Durations.format(timeout);
    return switch (stage) {
      case RESOLVING -> Failure.error(DNS, "DNS lookup of " + hostName(host) + " timed out " + after);
      case STARTING, CONNECTING ->
          Failure.error(CONNECT_TIMEOUT, "connect to " + host + " timed out " + after);
      case HANDSHAKING -> Failure.error(TLS, "TLS handshake with " + host + " timed out " + after);
      case WAITING -> Failure.timeout("no response " + after);
      case READING -> Failure.timeout("response not complete " + after);
    };
  }

  /**
   * A response whose status no HTTP status can be, or null for one that can be. OkHttp takes any
   * three digits, but none below 100 (RFC 9110, section 15), and 000 would read as no response
   * at all. One past 599 is left to the conditions: LinkedIn answers 999, which a user may accept.
   */
  static Failure ofStatus(int status, HttpUrl url) {
    return status >= 100 ? null : Failure.error(PROTOCOL, "invalid HTTP response: status "
        + String.format(Locale.ROOT, "%03d", status) + " from " + url + "; HTTP statuses start at 100");
  }

  /**
   * What OkHttp threw other than an IOException. It rejects some requests only when the call is
   * made (a header with a newline); once a response head has come, what it choked on is the
   * response (a Content-Length of -5), which is the server's doing, not the user's.
   */
  static Failure unexpected(RuntimeException e, boolean responseHeadCame) {
    return Failure.error(PROTOCOL, responseHeadCame
        ? "invalid HTTP response: " + ServerText.excerpt(String.valueOf(e.getMessage()), MESSAGE_LENGTH)
        : "request rejected: " + e.getMessage());
  }

  /**
   * Why sitepulse could not start an attempt: a closing pinger's executors refuse its work, whose
   * message names an executor, not a reason; anything else is a fault whose message is all there is.
   */
  static Failure notStarted(RuntimeException e) {
    String why = e instanceof RejectedExecutionException ? "its checks were being stopped"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Failure.error(NOT_STARTED, "not sent: sitepulse could not start the attempt: " + why);
  }

  /** Classifies by the root cause first: OkHttp wraps the telling exception in a generic one. */
  static Failure of(IOException e, Stage stage, String host) {
    boolean afterInterim = e instanceof InterimHeads.NoFinalHeadException;
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(0, t);
    }
    for (Throwable t : chain) {
      Failure f = classifyOne(t, stage, host, afterInterim);
      if (f != null) {
        return f;
      }
    }
    return Failure.error(PROTOCOL, describe(e));
  }

  /** @param afterInterim an interim (1xx) head came: what failed to read was the final head */
  private static Failure classifyOne(Throwable t, Stage stage, String host, boolean afterInterim) {
    String msg = t.getMessage() == null ? "" : t.getMessage();
    String lower = msg.toLowerCase(Locale.ROOT);
    if (t instanceof BodyReader.UnreadableEncodingException) {
      return Failure.error(PROTOCOL, msg);
    }
    if (t instanceof UnknownHostException) {
      return Failure.error(DNS, "cannot resolve host " + hostName(host));
    }
    if (t instanceof SSLException || t instanceof CertificateException) {
      return Failure.error(TLS, "TLS handshake with " + host + " failed: " + tlsReason(t));
    }
    if (t instanceof NoRouteToHostException) {
      return Failure.error(CONNECT_REFUSED, "no route to " + host);
    }
    if (t instanceof SocketTimeoutException && stage.compareTo(Stage.CONNECTING) <= 0) {
      return Failure.error(CONNECT_TIMEOUT, "connect to " + host + " timed out");
    }
    if (t instanceof ConnectException) {
      return Failure.error(CONNECT_REFUSED, "connection refused by " + host);
    }
    if (lower.startsWith(STATUS_LINE_PREFIX)) {
      return Failure.error(PROTOCOL, "invalid HTTP response: " + badStatusLine(msg, host, afterInterim));
    }
    if (lower.startsWith("id1id2") || lower.startsWith("fhcrc") || t instanceof java.util.zip.ZipException
        || (t instanceof EOFException && thrownBy(t, GZIP_READER))) {
      // Okio's gzip reader: the body the server framed (chunks, length) is not the gzip it declared;
      // one shorter than a gzip header runs out in the middle of it.
      return Failure.error(PROTOCOL, "invalid HTTP response: the body is not valid gzip");
    }
    if (t instanceof java.util.zip.DataFormatException) {
      return Failure.error(PROTOCOL, "invalid HTTP response: the body is not valid deflate");
    }
    if (lower.startsWith(CUT_SHORT)) {
      // OkHttp's ProtocolException for a body that ended before its Content-Length or last chunk.
      return closed(stage, host, afterInterim);
    }
    if (t instanceof ProtocolException && lower.startsWith(NUMBER_TOO_LARGE)) {
      // Okio's words for a chunk size past a long, which OkHttp passes on as they are.
      return Failure.error(PROTOCOL, "invalid HTTP response: chunk size too large: "
          + ServerText.excerpt(msg.substring(NUMBER_TOO_LARGE.length()).strip(), MESSAGE_LENGTH));
    }
    if (t instanceof ProtocolException || lower.contains("expected chunk size")
        || lower.contains("unexpected char")) {
      // OkHttp's messages quote what the server sent: a chunk size, a header name.
      return Failure.error(PROTOCOL, "invalid HTTP response: " + ServerText.excerpt(msg, MESSAGE_LENGTH));
    }
    if (t instanceof EOFException && lower.contains("not found: limit=") && !lower.contains("limit=0 ")) {
      return Failure.error(PROTOCOL, "invalid HTTP response: " + (overHeaderLimit(lower)
          ? "response headers larger than OkHttp's limit (256 KiB)"
          : inAHeaderLine(lower) ? "response headers cut off, or larger than OkHttp's limit (256 KiB)"
          : thrownBy(t, HEADERS_READER, "readHeaders")
              ? "the headers from " + host + " were cut off after the status line"
          : isTlsRecord(unreadLine(lower)) && !afterInterim ? answeredInTls(host)
          : noStatusLine(host, afterInterim)));
    }
    if (t instanceof SocketException && (lower.contains("reset") || lower.contains("broken pipe"))) {
      return Failure.error(RESET, "connection reset by " + host + (afterInterim ? AFTER_INTERIM : ""));
    }
    if (t instanceof EOFException || lower.contains("closed")) {
      return closed(stage, host, afterInterim);
    }
    return null;
  }

  /**
   * A close, like a reset, is RESET: the interim head the server had sent is valid HTTP, but the
   * final one that must follow it never came, so "without a response" would deny what came.
   */
  private static Failure closed(Stage stage, String host, boolean afterInterim) {
    return Failure.error(RESET, afterInterim ? "connection closed by " + host + AFTER_INTERIM
        : stage == Stage.READING ? "connection closed by " + host + " in the middle of the response"
        : "connection closed by " + host + " without a response");
  }

  private static boolean thrownBy(Throwable t, String className) {
    return thrownBy(t, className, null);
  }

  /** @param method the method of that class on the stack, or null for any */
  private static boolean thrownBy(Throwable t, String className, String method) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals(className) && (method == null || frame.getMethodName().equals(method))) {
        return true;
      }
    }
    return false;
  }

  /**
   * OkHttp's complaint about the first line, which it quotes whole: text that is not HTTP (an SSH
   * banner on the port) is worth a short quote, binary is not worth showing at all. After an
   * interim head, text that is not HTTP is what came instead of the final head: a body, most likely.
   */
  private static String badStatusLine(String msg, String host, boolean afterInterim) {
    String line = msg.substring(STATUS_LINE_PREFIX.length());
    boolean worthQuoting = line.startsWith("HTTP/") || (!afterInterim && !line.isBlank() && ServerText.isText(line));
    return worthQuoting
        ? "bad status line " + ServerText.quote(line, STATUS_LINE_SHOWN)
        : isTlsRecord(line) && !afterInterim ? answeredInTls(host)
        : noStatusLine(host, afterInterim);
  }

  private static String noStatusLine(String host, boolean afterInterim) {
    return afterInterim
        ? "an informational (1xx) status from " + host + " was not followed by a final response"
        : "no status line in what " + host + " sent";
  }

  /**
   * Whether a reply starts as a TLS record does: a content type from change_cipher_spec (20) to
   * heartbeat (24), then version 3.0 to 3.4. A TLS server sends an alert to plain HTTP (the JDK's
   * does, so Tomcat and Jetty do), which is the reverse of an https URL on a plain port.
   */
  private static boolean isTlsRecord(String start) {
    return start.length() >= 3 && start.charAt(0) >= 0x14 && start.charAt(0) <= 0x18
        && start.charAt(1) == 0x03 && start.charAt(2) <= 0x04;
  }

  private static String answeredInTls(String host) {
    return host + " answered in TLS (a TLS port? then the URL is https://)";
  }

  /** The start of the line Okio could not finish, from the hex it quotes, one char per byte. */
  private static String unreadLine(String lowerMessage) {
    Matcher m = EOF_CONTENT.matcher(lowerMessage);
    if (!m.find()) {
      return "";
    }
    String hex = m.group(1);
    return ByteString.decodeHex(hex.substring(0, hex.length() & ~1)).string(StandardCharsets.ISO_8859_1);
  }

  /**
   * Okio gives up on a line at {@code limit=N}: N is what it had read when the server closed, or
   * what was left of OkHttp's 256 KiB allowance for the status line and headers together. An
   * unfinished line of more than 64 KiB is the allowance running out; fewer bytes, then a close,
   * is a server that sent something without line breaks.
   */
  private static boolean overHeaderLimit(String lowerMessage) {
    Matcher m = EOF_LIMIT.matcher(lowerMessage);
    return m.find() && Long.parseLong(m.group(1)) > 64 * 1024;
  }

  /**
   * Whether the line OkHttp could not finish starts like a header field ("x-junk:"): many short
   * headers use up OkHttp's 256 KiB a line at a time, and the line that crosses the limit is
   * reported with only what was left of it. Okio quotes the line's first bytes in hex.
   */
  private static boolean inAHeaderLine(String lowerMessage) {
    return HEADER_FIELD_START.matcher(unreadLine(lowerMessage)).lookingAt();
  }

  private static String hostName(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  /**
   * The most specific message in the cause chain (JSSE wraps the useful one deep inside), in words
   * where the JDK's name neither the cause nor the fix.
   */
  private static String tlsReason(Throwable t) {
    String reason = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CertificateExpiredException) {
        return "the certificate has expired (" + c.getMessage() + ")";
      }
      if (c instanceof CertificateNotYetValidException) {
        return "the certificate is not valid yet (" + c.getMessage() + ")";
      }
      if (c.getMessage() != null) {
        reason = c.getMessage();
      }
    }
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    Matcher otherHost = NOT_VERIFIED.matcher(reason == null ? "" : reason);
    if (otherHost.find()) {
      Matcher names = SUBJECT_ALT_NAMES.matcher(reason);
      boolean any = names.find() && !names.group(1).isBlank();
      return "the certificate is not for " + otherHost.group(1)
          + (any ? " but for " + ServerText.excerpt(names.group(1), 200) : " (it names no host)");
    }
    if (isPlainHttp(lower)) {
      return "the server did not answer in TLS (a plain HTTP port? then the URL is http://)";
    }
    if (lower.contains("unable to find valid certification path")) {
      return "the certificate is not signed by an authority this machine trusts (self-signed, or a private CA)";
    }
    return reason == null ? t.getClass().getSimpleName() : reason;
  }

  /** How the JDK and BoringSSL (Conscrypt) name an answer that is no TLS record ("HTTP/1.1 400"). */
  private static boolean isPlainHttp(String reason) {
    return reason.contains("unrecognized ssl message") || reason.contains("wrong_version_number");
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
