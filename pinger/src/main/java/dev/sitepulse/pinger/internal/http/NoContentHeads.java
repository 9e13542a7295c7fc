package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads a 204 or 205 that carries a Content-Length as the bodiless answer it is, as curl does.
 * Neither status has a body whatever the head says (RFC 9112 §6.3), yet OkHttp refuses such a
 * response with a ProtocolException once it has read the head. What identifies that refusal is
 * the head OkHttp reported having read (a 204 or 205 with a length) and a ProtocolException after
 * it, not OkHttp's wording: nothing else OkHttp checks after a head throws one for these statuses.
 */
final class NoContentHeads implements Interceptor {

  static final NoContentHeads INSTANCE = new NoContentHeads();

  private NoContentHeads() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    FinalHead head = new FinalHead();
    chain.call().addEventListener(head);
    try {
      return chain.proceed(chain.request());
    } catch (ProtocolException e) {
      Response seen = head.response;
      if (seen == null || !hasNoBody(seen.code()) || seen.header("Content-Length") == null) {
        throw e;
      }
      String type = seen.header("Content-Type");
      // OkHttp left the exchange open: hang it up, unread.
      return seen.newBuilder()
          .body(HangUpBodies.empty(chain.call(), type == null ? null : MediaType.parse(type), () -> {}))
          .build();
    }
  }

  private static boolean hasNoBody(int status) {
    return status == 204 || status == 205;
  }

  /** The final head, as OkHttp read it off the connection; a retry on another one starts over. */
  private static final class FinalHead extends EventListener {
    private volatile Response response;

    @Override
    public void requestHeadersStart(Call call) {
      response = null;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      this.response = response;
    }
  }
}
