package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Marks an exchange that failed after an interim (1xx) head and before the final one. OkHttp
 * skips a 100 or 102–199 head and reads on for the final head; what follows, a body say, then
 * fails as a status line, and the failure alone reads as if no status line had come at all.
 */
final class InterimHeads implements Interceptor {

  static final InterimHeads INSTANCE = new InterimHeads();

  /** Reading the final head failed after an interim head; the cause is OkHttp's exception. */
  static final class NoFinalHeadException extends IOException {
    private NoFinalHeadException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private InterimHeads() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    HeadEvents heads = new HeadEvents();
    chain.call().addEventListener(heads);
    try {
      return chain.proceed(chain.request());
    } catch (NoFinalHeadException e) {
      throw e;
    } catch (IOException e) {
      throw heads.interimOnly ? new NoFinalHeadException(e) : e;
    }
  }

  /**
   * OkHttp reports the response starting once it has read the first head, an interim one
   * included, and ending once it has the final one: between the two, only interim heads came.
   */
  private static final class HeadEvents extends EventListener {
    private volatile boolean interimOnly;

    @Override
    public void requestHeadersStart(Call call) { // a retry on another connection starts over
      interimOnly = false;
    }

    @Override
    public void responseHeadersStart(Call call) {
      interimOnly = true;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      interimOnly = false;
    }
  }
}
