package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Threads;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every response as a WARC 1.1 response record (gzip per record) through jwarc, on its own
 * thread so file I/O never touches the event loop. The HTTP head is rebuilt from what the fetch
 * kept: status line and content type.
 */
final class WarcSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarcSink.class);

  private final WarcWriter writer;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-warc"));

  private WarcSink(WarcWriter writer) {
    this.writer = writer;
  }

  static WarcSink open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("crawl-" + Instant.now().toString().replace(':', '-') + ".warc.gz");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new WarcSink(new WarcWriter(channel, WarcCompression.GZIP));
  }

  void write(FetchResult r) {
    thread.execute(() -> {
      try {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" \r\n");
        if (r.contentType() != null) {
          head.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        if (r.location() != null) {
          head.append("Location: ").append(r.location()).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] http = new byte[headBytes.length + r.body().length];
        System.arraycopy(headBytes, 0, http, 0, headBytes.length);
        System.arraycopy(r.body(), 0, http, headBytes.length, r.body().length);
        writer.write(new WarcResponse.Builder(URI.create(r.url()))
            .version(MessageVersion.WARC_1_1)
            .date(Instant.now())
            .body(MediaType.HTTP_RESPONSE, http)
            .build());
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not write {} to the WARC file: {}", r.url(), e.toString());
      }
    });
  }

  @Override
  public void close() throws IOException {
    thread.shutdown();
    try {
      thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
  }
}
