package dev.sitepulse.crawler;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A WireMock extension that holds the response to a path until the test releases it: a read that
 * is under way for as long as the test needs, with no timing in it. Register it in the server's
 * options, then {@link #hold} a path in a try-with-resources block.
 */
public final class HeldResponses implements ServeEventListener {

  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /** One held path: {@link #asked} counts down when its request arrives; closing releases it. */
  public final class Held implements AutoCloseable {
    private final String key;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private Held(String key) {
      this.key = key;
    }

    /** Waits until the request for the path has arrived and is being held. */
    public void awaitAsked() throws InterruptedException {
      asked.await();
    }

    /** Whether the request for the path has arrived, held or since released. */
    public boolean wasAsked() {
      return asked.getCount() == 0;
    }

    @Override
    public void close() {
      held.remove(key, this);
      released.countDown();
    }
  }

  /** Holds every request for {@code path} (any host) from now until the returned handle closes. */
  public Held hold(String path) {
    return hold("", path);
  }

  /** Holds the requests for {@code path} on {@code host} (the Host header's name) alone. */
  public Held hold(String host, String path) {
    return held(host + " " + path);
  }

  /** Holds the GET requests for {@code path} (any host) alone: a HEAD of it is answered. */
  public Held holdGets(String path) {
    return held("GET " + path); // no host is named in capitals
  }

  private Held held(String key) {
    Held h = new Held(key);
    held.put(h.key, h);
    return h;
  }

  @Override
  public void beforeMatch(ServeEvent event, Parameters parameters) {
    String path = event.getRequest().getUrl();
    Held h = held.getOrDefault(event.getRequest().getMethod() + " " + path,
        held.getOrDefault(event.getRequest().getHost() + " " + path, held.get(" " + path)));
    if (h == null) {
      return;
    }
    h.asked.countDown();
    try {
      h.released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String getName() {
    return "held-responses";
  }
}
