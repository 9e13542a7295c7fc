package dev.sitepulse.pinger.internal.http;

import java.io.Closeable;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/** Empty bodies for answers that have none whatever their head announced. */
final class HangUpBodies {

  private HangUpBodies() {}

  /**
   * No body, whose close hangs the connection up and then releases {@code unread}: whatever the
   * server sends for the body the head announced must never be read, neither as this body nor as
   * the next response on a reused connection, whose framing is now unknown.
   */
  static ResponseBody empty(Call call, MediaType type, Closeable unread) {
    ForwardingSource none = new ForwardingSource(new Buffer()) {
      @Override
      public void close() throws IOException {
        call.cancel();
        unread.close();
        super.close();
      }
    };
    return ResponseBody.create(Okio.buffer(none), type, 0);
  }
}
