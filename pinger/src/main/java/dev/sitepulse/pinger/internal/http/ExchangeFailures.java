package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.internal.http.PhaseListener.Stage;
import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * Why an exchange made outside a check failed (a webhook's POST), in the words a check's failure
 * uses ("connection refused by host:port"), not Java's or OkHttp's ("Failed to connect to /…").
 */
public final class ExchangeFailures {

  private ExchangeFailures() {}

  /**
   * The reason for a call that failed before its response came; such a call's stage is not
   * tracked, so a connection closed under it reads "without a response".
   */
  public static String reason(IOException e, HttpUrl url) {
    return FailureClassifier.of(e, Stage.STARTING, UrlMessages.hostPort(url)).message();
  }
}
