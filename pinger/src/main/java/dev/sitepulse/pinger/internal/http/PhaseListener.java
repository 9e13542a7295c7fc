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
 * Times the phases of one call, one hop of a check. Events arrive on the calling thread; a
 * watchdog on another thread may read which phase a hung call is stuck in, and how long each took.
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
  // The phases so far, guarded by this: each event that ends a phase adds the time since the last
  // one that did (the mark), so the phases split the hop's time between them and add up to it.
  private boolean started;
  private long start;
  private long mark;
  private long dns;
  private long connect;
  private long tls;
  private long processing;
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
   * The phases of this hop, which ends at {@code end} (the end of our body read, or the failure).
   * The hop starts with its first step on the network: the DNS lookup, else the connect, else (on
   * a reused connection) the request. Before it, OkHttp only plans the route, on our CPU, which on
   * a busy machine or a cold JVM can take longer than the exchange. The phases add up to the hop's
   * total, as curl's cumulative times do: each runs from where the one before it ended, so a gap
   * between two (writing the request after the connect) counts in the one after it. A phase the
   * hop did not go through is 0. The phase the call is in at {@code end} runs to it: a server that
   * hangs shows its wait in processing, as a connect that hangs shows in connect. An {@code end}
   * read before an event this listener then recorded counts as that event's time, so the phases
   * still add up to the total.
   */
  synchronized Phases phases(long end) {
    end = Math.max(end, mark);
    long open = started ? end - mark : 0;
    Stage at = stage;
    return new Phases(
        dns + (at == Stage.RESOLVING ? open : 0),
        connect + (at == Stage.CONNECTING ? open : 0),
        tls + (at == Stage.HANDSHAKING ? open : 0),
        processing + (at == Stage.WAITING ? open : 0),
        at == Stage.READING ? open : 0, // the final head to the end: nothing ends after it
        started ? Math.max(0, end - start) : 0);
  }

  /**
   * The phases so far, for a watchdog on another thread: the clock is read under the lock, so no
   * event the worker records meanwhile can end a phase after the end it is given.
   */
  synchronized Phases phasesNow() {
    return phases(nanoTime.getAsLong());
  }

  /** The hop's first step on the network starts its time, if none did before. */
  private void starting() {
    if (!started) {
      started = true;
      start = nanoTime.getAsLong();
      mark = start;
    }
  }

  /** The time since the last phase ended, which the phase ending now takes. */
  private long sinceMark() {
    long now = nanoTime.getAsLong();
    long since = started ? Math.max(0, now - mark) : 0;
    mark = now;
    return since;
  }

  /**
   * A request sent on a pooled connection that turned out stale is sent again on a new one, which
   * OkHttp may look the name up for again: the time it spent on the stale one was processing, and
   * the wait starts again after this lookup or connect.
   */
  @Override
  public synchronized void dnsStart(Call call, String domainName) {
    starting();
    endStaleWait();
    stage = Stage.RESOLVING;
  }

  @Override
  public synchronized void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    dns += sinceMark();
  }

  /** See {@link #dnsStart}: a connect after a stale connection ends its wait too. */
  @Override
  public synchronized void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    starting();
    endStaleWait();
    stage = Stage.CONNECTING;
    connectingTo(address);
  }

  /** A wait on a connection being given up for a new one ends, as processing. */
  private void endStaleWait() {
    if (stage == Stage.WAITING || stage == Stage.READING) {
      processing += sinceMark();
    }
  }

  @Override
  public synchronized void secureConnectStart(Call call) {
    connect += sinceMark();
    stage = Stage.HANDSHAKING;
  }

  @Override
  public synchronized void secureConnectEnd(Call call, Handshake handshake) {
    tls += sinceMark();
  }

  @Override
  public synchronized void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    endConnect();
  }

  /** The connect or handshake under way ends; the time since the last phase ended is its. */
  private void endConnect() {
    if (stage == Stage.HANDSHAKING) {
      tls += sinceMark();
    } else {
      connect += sinceMark();
    }
  }

  /**
   * A failed connect or handshake still took time, which its phase keeps. OkHttp may then try the
   * host's next address (IPv6, then IPv4, say): each route's time adds up, so a 10 s connect
   * timeout on the first still shows when the second connects.
   */
  @Override
  public synchronized void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol,
      java.io.IOException e) {
    endConnect();
  }

  @Override
  public synchronized void connectionAcquired(Call call, Connection connection) {
    starting(); // a reused connection: the request is the first step
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

  /**
   * The final head, not an interim 100 or 103. OkHttp reports the response starting once it has
   * read the first head, so a server still working after a 100 Continue would read as a body cut
   * short, and its work would count as transfer rather than processing.
   */
  @Override
  public synchronized void responseHeadersEnd(Call call, okhttp3.Response response) {
    processing += sinceMark();
    stage = Stage.READING;
  }
}
