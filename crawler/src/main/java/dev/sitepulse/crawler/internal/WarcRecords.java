package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.FetchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC 1.1 records of one file ({@link WarcSink}): its warcinfo, and a response or revisit of
 * each fetch, pointing to it. The HTTP head in a record is rebuilt from what the fetch kept: status
 * line, content type, Location and validators.
 */
final class WarcRecords {
  private final URI warcinfo;

  /** @param info the file's first record, which every other names */
  WarcRecords(Warcinfo info) {
    this.warcinfo = info.id();
  }

  /** The file's first record: what wrote it, as WARC 1.1 recommends. */
  static Warcinfo info(Path file, Instant opened) {
    return new Warcinfo.Builder()
        .version(MessageVersion.WARC_1_1)
        .date(opened)
        .filename(file.getFileName().toString())
        .fields(Map.of("software", List.of("sitepulse"), "format", List.of("WARC File Format 1.1"),
            "conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")))
        .build();
  }

  WarcResponse response(FetchResult r, Instant date) {
    byte[] head = head(r);
    byte[] http = new byte[head.length + r.body().length];
    System.arraycopy(head, 0, http, 0, head.length);
    System.arraycopy(r.body(), 0, http, head.length, r.body().length);
    WarcResponse.Builder response = new WarcResponse.Builder(URI.create(r.url()))
        .version(MessageVersion.WARC_1_1)
        .warcinfoId(warcinfo)
        .date(date)
        .body(MediaType.HTTP_RESPONSE, http)
        .blockDigest(sha1(http))
        .payloadDigest(sha1(r.body()));
    if (r.truncated()) {
      // Cut at max-body: WARC 1.1 says so in WARC-Truncated, lest a replay take it for the whole page.
      response.truncated(WarcTruncationReason.LENGTH);
    }
    return response.build();
  }

  /**
   * WARC 1.1 asks a revisit to name what it revisits. The earlier record's id is not kept, but its
   * URL and date are: the same URL, at the time crawl.db recorded (0 when none is known, then left
   * out). A crawl.db of an older version recorded a time a few milliseconds off that record's, and
   * moved it on a 304.
   */
  WarcRevisit revisit(FetchResult r, Instant date, long capturedAtMillis) {
    byte[] head = head(r);
    WarcRevisit.Builder revisit = new WarcRevisit.Builder(URI.create(r.url()), WarcRevisit.SERVER_NOT_MODIFIED_1_1)
        .version(MessageVersion.WARC_1_1)
        .warcinfoId(warcinfo)
        .date(date)
        .body(MediaType.HTTP_RESPONSE, head)
        .blockDigest(sha1(head));
    if (capturedAtMillis > 0) {
      revisit.addHeader("WARC-Refers-To-Target-URI", r.url())
          .addHeader("WARC-Refers-To-Date", Instant.ofEpochMilli(capturedAtMillis).toString());
    }
    return revisit.build();
  }

  /**
   * SHA-1 in base32, the digest CDX indexers, replay tools and deduplication compare (wget and
   * Heritrix write it too); the crawl's own SHA-256 of a body is for crawl.db, and a WARC that
   * used it would match no other tool's records.
   */
  private static WarcDigest sha1(byte[] bytes) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** The HTTP head, rebuilt from what the fetch kept; Content-Length is the body's, if any. */
  private static byte[] head(FetchResult r) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" \r\n");
    if (r.contentType() != null) {
      head.append("Content-Type: ").append(r.contentType()).append("\r\n");
    }
    if (r.location() != null) {
      head.append("Location: ").append(r.location()).append("\r\n");
    }
    if (r.validators().etag() != null) {
      head.append("ETag: ").append(r.validators().etag()).append("\r\n");
    }
    if (r.validators().lastModified() != null) {
      head.append("Last-Modified: ").append(r.validators().lastModified()).append("\r\n");
    }
    head.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
