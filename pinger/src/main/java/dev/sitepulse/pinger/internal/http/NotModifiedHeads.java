package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a 304, a final 1xx, or a 204 or 205 framed as chunked, whose head frames a body, as the
 * bodiless answer it is, as curl does. None ever has a body (RFC 9112 §6.3; a 304's Content-Length
 * is the length the full response would have had, RFC 9110 §8.6), yet OkHttp honours the framing
 * and waits for the bytes: a check timed out or failed mid-body, and so did the crawler's
 * conditional refetch. (A HEAD's answer OkHttp already reads as bodiless; a 204 or 205 with a
 * Content-Length, which OkHttp refuses, is NoContentHeads'.)
 */
final class NotModifiedHeads implements Interceptor {

  static final NotModifiedHeads INSTANCE = new NotModifiedHeads();

  private NotModifiedHeads() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Response head = response.networkResponse() != null ? response.networkResponse() : response;
    if (!neverHasBody(response.code()) || !framesABody(head)) {
      return response;
    }
    ResponseBody unread = response.body();
    return response.newBuilder().body(HangUpBodies.empty(chain.call(), unread.contentType(), unread)).build();
  }

  /** A 204 or 205 framed by a Content-Length OkHttp refuses before this sees it: NoContentHeads'. */
  private static boolean neverHasBody(int status) {
    return status == 204 || status == 205 || status == 304 || (status >= 100 && status < 200);
  }

  /** Whether OkHttp will wait for body bytes: a nonzero length, or any transfer coding. */
  private static boolean framesABody(Response head) {
    String length = head.header("Content-Length");
    return (length != null && !length.trim().equals("0")) || head.header("Transfer-Encoding") != null;
  }
}
