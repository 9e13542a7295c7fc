package dev.sitepulse.pinger.watch;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock extension that holds the answer to the requests for one path until the test lets it
 * go: a post under way for as long as the test needs, where a delay on the server's side only made
 * it likely. Register it in the server's options, {@link #hold} a path, close to let it go.
 */
final class HeldAnswers implements ServeEventListener, AutoCloseable {

  private volatile String path;
  private volatile CountDownLatch asked = new CountDownLatch(0);
  private volatile CountDownLatch released = new CountDownLatch(0);

  /** Holds the answers to {@code path} from now until {@link #close}. */
  HeldAnswers hold(String path) {
    asked = new CountDownLatch(1);
    released = new CountDownLatch(1);
    this.path = path;
    return this;
  }

  /** Whether the held path was asked for within a minute: a bound for a loaded machine, not a speed goal. */
  boolean asked() throws InterruptedException {
    return asked.await(1, TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    path = null;
    released.countDown();
  }

  @Override
  public void beforeMatch(ServeEvent event, Parameters parameters) {
    if (!event.getRequest().getUrl().equals(path)) {
      return;
    }
    CountDownLatch release = released;
    asked.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String getName() {
    return "held-answers";
  }
}
