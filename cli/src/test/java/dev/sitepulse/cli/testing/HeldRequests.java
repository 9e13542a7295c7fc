package dev.sitepulse.cli.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A WireMock extension that holds each request for a URL it is given until the test releases it:
 * a fetch kept in flight for as long as a test needs one, with no timing.
 */
public final class HeldRequests implements ServeEventListener {

  /** One URL's hold: {@code asked} counted down when it is requested, its answer waiting for {@code release}. */
  public record Hold(CountDownLatch asked, CountDownLatch release) {
    public Hold() {
      this(new CountDownLatch(1), new CountDownLatch(1));
    }
  }

  private final Map<String, Hold> holds;

  /** @param holds by the request's URL, path and query as sent (/held?x=1) */
  public HeldRequests(Map<String, Hold> holds) {
    this.holds = Map.copyOf(holds);
  }

  @Override
  public String getName() {
    return "held-requests";
  }

  @Override
  public void beforeMatch(ServeEvent event, Parameters parameters) {
    Hold hold = holds.get(event.getRequest().getUrl());
    if (hold == null) {
      return;
    }
    hold.asked().countDown();
    try {
      hold.release().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
