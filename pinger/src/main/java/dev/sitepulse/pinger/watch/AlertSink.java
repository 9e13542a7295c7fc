package dev.sitepulse.pinger.watch;

import java.util.concurrent.CompletableFuture;

/**
 * Somewhere alerts go. The future completes, never exceptionally, when the alert is delivered or
 * given up on; a sink must not block the caller.
 */
public interface AlertSink {

  /** Names the sink in delivery records, e.g. the webhook's URL, its secret part hidden. */
  String name();

  CompletableFuture<Delivery> send(Alert alert);
}
