package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lowers a Retry-After of more seconds than an int holds to the most it holds. OkHttp reads the
 * header of a 503 or 408 as an int, to decide whether to send the request again itself, and threw
 * NumberFormatException past 2^31 − 1: a server's absurd value failed the check or fetch as
 * "request rejected: For input string". Every reader here caps the wait far below either value.
 */
final class RetryAfterInIntRange implements Interceptor {

  static final RetryAfterInIntRange INSTANCE = new RetryAfterInIntRange();
  private static final String MAX = Integer.toString(Integer.MAX_VALUE);

  private RetryAfterInIntRange() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String value = response.header("Retry-After");
    if (value == null || !tooLongForAnInt(value)) {
      return response;
    }
    return response.newBuilder().header("Retry-After", MAX).build();
  }

  /** Digits only, as OkHttp matches them, and more than fit. */
  private static boolean tooLongForAnInt(String value) {
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    try {
      Integer.parseInt(value);
      return false;
    } catch (NumberFormatException tooLong) {
      return true;
    }
  }
}
