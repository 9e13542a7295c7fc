package dev.sitepulse.crawler;

import java.time.Duration;

/** How long the tests' crawls and fetches give a local server that answers. */
public final class AnsweredFetches {
  private AnsweredFetches() {}

  /**
   * Time enough for any fetch meant to be answered, on a machine as loaded as it gets: no test
   * waits it out, so it need not be short. A test of timeouts gives its own, to a server that never
   * answers or never finishes.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);
}
