package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.Phases;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.Certificate;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;

/**
 * Timestamps the events of one call, one hop of a check. Events arrive on the calling thread;
 * the fields are volatile because a watchdog on another thread may read which phase a hung call
 * is stuck in.
 */
final class PhaseListener extends EventListener {

  /** Where a call is, for telling a connect timeout from a slow server. */
  enum Stage {
    STARTING,
    RESOLVING,
    CONNECTING,
    HANDSHAKING,
    WAITING,
    READING
  }

  private final LongSupplier nanoTime;
  private volatile Stage stage = Stage.STARTING;
  private volatile long callStart;
  private volatile long dnsStart;
  private volatile long dnsEnd;
  private volatile long connectStart;
  private volatile long connectEnd;
  private volatile long tlsStart;
  private volatile long tlsEnd;
  /** Connect and TLS time of routes that failed before the one under way (another address). */
  private volatile long connectFailedNanos;
  private volatile long tlsFailedNanos;
  private volatile long requestSent;
  private volatile long responseHead;
  private volatile String remoteIp;
  private volatile String remoteAddress;
  private volatile List<Certificate> peerCertificates = List.of();

  PhaseListener() {
    this(System::nanoTime);
  }

  /** @param nanoTime the time source, {@code System::nanoTime} except in tests */
  PhaseListener(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  Stage stage() {
    return stage;
  }

  /** ip:port, an IPv6 address in brackets ([::1]:8080); null before a connect started. */
  String remoteAddress() {
    return remoteAddress;
  }

  /** The address connected to, as a URL writes it: 127.0.0.1, or ::1 rather than 0:0:0:0:0:0:0:1. */
  String remoteIp() {
    return remoteIp;
  }

  private void connectingTo(InetSocketAddress address) {
    remoteIp = UrlMessages.ipAsInUrl(address.getAddress().getHostAddress());
    remoteAddress = UrlMessages.hostPort(remoteIp, address.getPort());
  }

  /**
   * The chain the server presented, as it came off the socket. OkHttp's handshake reports only
   * the chain it could verify, which is empty when certificate checks are off, yet an insecure
   * check must still report the certificate's expiry.
   */
  List<Certificate> peerCertificates() {
    return peerCertificates;
  }

  /**
   * The phases of this hop, with the transfer ending at {@code end} (the end of our body read, or
   * the failure). A request sent that got no response head was processing until {@code end}: a
   * server that hangs shows its wait there, as a failed connect shows in CONNECT.
   */
  synchronized Phases phases(long end) {
    // A phase still open (the watchdog ended the call in it) runs to end, as processing does.
    long dns = span(dnsStart, orEnd(dnsEnd, end));
    long tls = tlsFailedNanos + span(tlsStart, orEnd(tlsEnd, end));
    long connect = connectFailedNanos + span(connectStart, tlsStart != 0 ? tlsStart : orEnd(connectEnd, end));
    long processing = span(requestSent, responseHead != 0 ? responseHead : end);
    long transfer = span(responseHead, end);
    return new Phases(dns, connect, tls, processing, transfer, span(callStart, end));
  }

  private static long orEnd(long at, long end) {
    return at != 0 ? at : end;
  }

  private static long span(long from, long to) {
    return from == 0 || to == 0 || to < from ? 0 : to - from;
  }

  @Override
  public void callStart(Call call) {
    callStart = nanoTime.getAsLong();
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    stage = Stage.RESOLVING;
    dnsStart = nanoTime.getAsLong();
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    dnsEnd = nanoTime.getAsLong();
  }

  /**
   * A request sent on a pooled connection that turned out stale is sent again on a new one: what
   * was sent before is no longer waited on, so the wait starts again after this connect.
   */
  @Override
  public synchronized void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    stage = Stage.CONNECTING;
    connectStart = nanoTime.getAsLong();
    requestSent = 0;
    responseHead = 0;
    connectingTo(address);
  }

  @Override
  public void secureConnectStart(Call call) {
    stage = Stage.HANDSHAKING;
    tlsStart = nanoTime.getAsLong();
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    tlsEnd = nanoTime.getAsLong();
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    connectEnd = nanoTime.getAsLong();
  }

  /**
   * A failed connect or handshake still took time; without this its phase would read 0. OkHttp may
   * then try the host's next address (IPv6, then IPv4, say): each route's time adds up, so a 10 s
   * connect timeout on the first still shows when the second connects.
   */
  @Override
  public synchronized void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol,
      java.io.IOException e) {
    long now = nanoTime.getAsLong();
    connectFailedNanos += span(connectStart, tlsStart != 0 ? tlsStart : now);
    tlsFailedNanos += tlsStart != 0 ? span(tlsStart, now) : 0;
    connectStart = 0;
    connectEnd = 0;
    tlsStart = 0;
    tlsEnd = 0;
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    stage = Stage.WAITING;
    InetSocketAddress address = connection.route().socketAddress();
    connectingTo(address);
    if (connection.socket() instanceof SSLSocket tls) {
      try {
        peerCertificates = List.of(tls.getSession().getPeerCertificates());
      } catch (SSLPeerUnverifiedException e) {
        peerCertificates = List.of();
      }
    }
  }

  @Override
  public void requestHeadersEnd(Call call, okhttp3.Request request) {
    requestSent = nanoTime.getAsLong();
  }

  @Override
  public void requestBodyEnd(Call call, long byteCount) {
    requestSent = nanoTime.getAsLong();
  }

  /**
   * The final head, not an interim 100 or 103. OkHttp reports the response starting once it has
   * read the first head, so a server still working after a 100 Continue would read as a body cut
   * short, and its work would count as transfer rather than processing.
   */
  @Override
  public void responseHeadersEnd(Call call, okhttp3.Response response) {
    responseHead = nanoTime.getAsLong();
    stage = Stage.READING;
  }
}
