package dev.sitepulse.pinger.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.PingSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Address;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.junit.jupiter.api.Test;

class PhaseListenerTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theWaitAfterAnInterimContinueIsProcessingSinceTheFirstByteIsTheFinalResponses() throws Exception {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    CompletableFuture<Void> continueRead = new CompletableFuture<>();
    EventListener afterPhases = new EventListener() {
      @Override
      public void responseHeadersStart(Call call) {
        continueRead.complete(null);
      }
    };
    OkHttpClient client = productionClient().eventListener(phases.plus(afterPhases)).build();

    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // The server works for a second between its 100 Continue and its answer.
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (Socket s = server.accept()) {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            // the request head: a GET has nothing after it
          }
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continueRead.get(1, TimeUnit.MINUTES); // waits here: a bound on a loaded machine, not a speed goal
          now.addAndGet(SECOND);
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
      try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).isEqualTo("ok");
      }
      served.get(1, TimeUnit.MINUTES);
    }

    Phases p = phases.phases(now.get());
    assertThat(p.processingNanos()).isEqualTo(SECOND);
    assertThat(p.transferNanos()).isZero();
  }

  @Test
  void aServerThatNeverAnswersShowsItsWaitAsProcessingUntilTheCallEnds() throws Exception {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    CompletableFuture<Void> sent = new CompletableFuture<>();
    EventListener afterPhases = new EventListener() {
      @Override
      public void requestHeadersEnd(Call call, Request request) {
        sent.complete(null);
      }
    };
    OkHttpClient client = productionClient().eventListener(phases.plus(afterPhases)).build();

    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return server.accept(); // and never answers
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Call call = client.newCall(new Request.Builder().url("http://127.0.0.1:" + server.getLocalPort() + "/").build());
      CompletableFuture<Void> hangs = CompletableFuture.runAsync(() -> {
        try (Response r = call.execute()) {
          throw new AssertionError("answered: " + r.code());
        } catch (java.io.IOException expected) {
          // cancelled below, as the watchdog or the call timeout would
        }
      });
      sent.get(1, TimeUnit.MINUTES);
      now.addAndGet(2 * SECOND);
      call.cancel();
      hangs.get(1, TimeUnit.MINUTES);
      accepted.get(1, TimeUnit.MINUTES).close();
    }

    Phases p = phases.phases(now.get());
    assertThat(p.processingNanos()).isEqualTo(2 * SECOND);
    assertThat(p.transferNanos()).isZero();
  }

  @Test
  void theConnectTimeOfAnAddressThatFailedAddsToThatOfTheOneThatConnected() throws Exception {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      // The name has two addresses; nothing listens on the first, so OkHttp tries the second.
      Dns twoAddresses = host -> List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));
      OkHttpClient client = productionClient().dns(twoAddresses)
          .eventListener(phases.plus(eachConnectTakesASecond(now))).build();
      CompletableFuture<Void> served = answerOnce(server);
      String url = "http://two.test:" + server.getLocalPort() + "/";
      try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
        r.body().string();
      }
      served.get(1, TimeUnit.MINUTES);
    }

    assertThat(phases.phases(now.get()).connectNanos()).as("both routes' second").isEqualTo(2 * SECOND);
  }

  @Test
  void theHopStartsWithItsFirstStepOnTheNetworkNotWithRoutePlanningOnOurSide() throws Exception {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    EventListener planningTakesFiveSeconds = new EventListener() {
      @Override
      public void callStart(Call call) {
        now.addAndGet(5 * SECOND); // a cold JVM, or a worker that lost the CPU, before the connect
      }
    };
    OkHttpClient client = productionClient()
        .eventListener(phases.plus(planningTakesFiveSeconds).plus(eachConnectTakesASecond(now))).build();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = answerOnce(server);
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
      try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
        r.body().string();
      }
      served.get(1, TimeUnit.MINUTES);
    }

    Phases p = phases.phases(now.get());
    assertThat(p.totalNanos()).isEqualTo(SECOND); // the connect's, after which the clock stood still
    assertThat(p.connectNanos()).isEqualTo(SECOND);
  }

  /**
   * A pinger's client (no fast fallback, no retries, no pooling), so that the events come in the
   * order they do in production; a test gives it its own listener in place of the request's tag.
   */
  private static OkHttpClient.Builder productionClient() {
    return HttpClients.cleartext(PingSettings.DEFAULTS).newBuilder();
  }

  /** Moves the clock on a second as each connect starts, after {@link PhaseListener} noted it. */
  private static EventListener eachConnectTakesASecond(AtomicLong now) {
    return new EventListener() {
      @Override
      public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        now.addAndGet(SECOND);
      }
    };
  }

  /** Reads one request head and answers it with a 200 whose body is "ok". */
  private static CompletableFuture<Void> answerOnce(ServerSocket server) {
    return CompletableFuture.runAsync(() -> {
      try (Socket s = server.accept()) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // the request head
        }
        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aConnectOrHandshakeStillOpenWhenTheCallEndsRunsToItsEnd() {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener connecting = new PhaseListener(now::get);
    connecting.connectStart(null, new java.net.InetSocketAddress("127.0.0.1", 9), java.net.Proxy.NO_PROXY);
    PhaseListener handshaking = new PhaseListener(now::get);
    handshaking.connectStart(null, new java.net.InetSocketAddress("127.0.0.1", 9), java.net.Proxy.NO_PROXY);
    now.addAndGet(SECOND);
    handshaking.secureConnectStart(null);

    // The watchdog ends both calls 2 s after they began connecting, before OkHttp reports a failure.
    Phases stuckConnecting = connecting.phases(3 * SECOND);
    Phases stuckHandshaking = handshaking.phases(3 * SECOND);

    assertThat(stuckConnecting.connectNanos()).isEqualTo(2 * SECOND);
    assertThat(stuckHandshaking.connectNanos()).isEqualTo(SECOND);
    assertThat(stuckHandshaking.tlsNanos()).isEqualTo(SECOND);
  }

  @Test
  void aRequestSentAgainOnANewConnectionCountsItsWaitOnTheStaleOneAsProcessingAndNoTimeTwice() {
    Phases p = aRequestSentAgainOnANewConnection(false);

    assertThat(p.connectNanos()).isEqualTo(SECOND);
    assertThat(p.processingNanos()).as("a second on each connection").isEqualTo(2 * SECOND);
    assertThat(p.transferNanos()).isEqualTo(SECOND);
    assertThat(p.totalNanos()).isEqualTo(4 * SECOND);
  }

  @Test
  void aRequestSentAgainAfterLookingTheNameUpAgainCountsItsWaitOnTheStaleOneAsProcessingNotDns() {
    Phases p = aRequestSentAgainOnANewConnection(true);

    assertThat(p.dnsNanos()).as("the lookup's second only").isEqualTo(SECOND);
    assertThat(p.connectNanos()).isEqualTo(SECOND);
    assertThat(p.processingNanos()).as("a second on each connection").isEqualTo(2 * SECOND);
    assertThat(p.transferNanos()).isEqualTo(SECOND);
    assertThat(p.totalNanos()).isEqualTo(5 * SECOND);
  }

  /**
   * A request that waits a second on a pooled connection the server had closed while it idled,
   * then is sent again on a new one (after a second's lookup of the name, if {@code lookedUpAgain})
   * that takes a second to connect, a second to answer and a second to read.
   */
  private static Phases aRequestSentAgainOnANewConnection(boolean lookedUpAgain) {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    phases.connectionAcquired(null, pooled(9));
    now.addAndGet(SECOND);
    if (lookedUpAgain) {
      phases.dnsStart(null, "127.0.0.1");
      now.addAndGet(SECOND);
      phases.dnsEnd(null, "127.0.0.1", List.of());
    }
    phases.connectStart(null, new InetSocketAddress("127.0.0.1", 9), Proxy.NO_PROXY);
    now.addAndGet(SECOND);
    phases.connectEnd(null, new InetSocketAddress("127.0.0.1", 9), Proxy.NO_PROXY, Protocol.HTTP_1_1);
    phases.connectionAcquired(null, pooled(9));
    now.addAndGet(SECOND);
    phases.responseHeadersEnd(null, null);
    return phases.phases(now.get() + SECOND);
  }

  @Test
  void phasesEndingBeforeAnEventRecordedMeanwhileStillAddUpToTheTotal() {
    AtomicLong now = new AtomicLong(SECOND);
    PhaseListener phases = new PhaseListener(now::get);
    phases.connectStart(null, new InetSocketAddress("127.0.0.1", 9), Proxy.NO_PROXY);
    long watchdogsEnd = now.addAndGet(SECOND); // a watchdog reads the clock, then the worker goes on
    now.addAndGet(SECOND);
    phases.connectEnd(null, new InetSocketAddress("127.0.0.1", 9), Proxy.NO_PROXY, Protocol.HTTP_1_1);

    Phases p = phases.phases(watchdogsEnd);

    assertThat(p.dnsNanos() + p.connectNanos() + p.tlsNanos() + p.processingNanos() + p.transferNanos())
        .isEqualTo(p.totalNanos());
    assertThat(p.connectNanos()).as("the connect's end, which the listener saw").isEqualTo(2 * SECOND);
  }

  /** A plain connection to 127.0.0.1:port, as OkHttp hands one out of its pool. */
  private static Connection pooled(int port) {
    Address address = new Address("127.0.0.1", port, Dns.SYSTEM, SocketFactory.getDefault(), null, null, null,
        Authenticator.NONE, null, List.of(Protocol.HTTP_1_1), List.of(ConnectionSpec.CLEARTEXT),
        ProxySelector.getDefault());
    Route route = new Route(address, Proxy.NO_PROXY, new InetSocketAddress("127.0.0.1", port));
    return new Connection() {
      @Override
      public Route route() {
        return route;
      }

      @Override
      public Socket socket() {
        return new Socket();
      }

      @Override
      public Handshake handshake() {
        return null;
      }

      @Override
      public Protocol protocol() {
        return Protocol.HTTP_1_1;
      }
    };
  }
}
