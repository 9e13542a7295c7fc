package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.pinger.FetchResult;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WARC file on a disk that fills up, or given a response it cannot hold. */
class WarcSinkTest {

  @TempDir Path data;

  @Test
  void whileARunWritesItsFileItIsNamedOpenAndOnceClosedItTakesItsName() throws Exception {
    Path dir = data.resolve("warc");
    Clock clock = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);
    WarcSink warc = WarcSink.open(dir, clock);
    warc.response(page("http://a/1"), 1000).get(30, TimeUnit.SECONDS);

    // A kill now leaves the file by a name that says so: the next run reads only such a file.
    assertThat(names(dir)).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz.open");
    warc.close();
    assertThat(names(dir)).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz");
    assertThat(WarcFinalAnswersTest.records(dir)).containsExactly("warcinfo", "response 200 http://a/1 page");
  }

  @Test
  void aWarcinfoThatCannotBeWrittenLeavesNeitherAFileNorItsChannelOpen() throws Exception {
    List<WritableByteChannel> opened = new ArrayList<>();
    Path dir = data.resolve("warc");

    assertThatThrownBy(() -> WarcSink.open(dir, Clock.systemUTC(), UnaryOperator.identity(), file -> {
      opened.add(file);
      return new FullDisk(file, 10);
    })).isInstanceOf(IOException.class).hasMessage(FullDisk.NO_SPACE);

    assertThat(opened).singleElement().satisfies(c -> assertThat(c.isOpen()).isFalse());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aWriteThatFailsEndsTheArchiveAtTheLastWholeRecordAndEveryResponseFromItOnIsCounted() throws Exception {
    List<FullDisk> disks = new ArrayList<>();
    Path dir = data.resolve("warc");
    WarcSink warc = WarcSink.open(dir, Clock.systemUTC(), UnaryOperator.identity(), file -> {
      FullDisk disk = new FullDisk(file, Long.MAX_VALUE);
      disks.add(disk);
      return disk;
    });
    warc.response(page("http://a/1"), 1000).get(30, TimeUnit.SECONDS);
    disks.get(0).leaveRoom(50); // the next record's gzip member is cut off part way
    warc.response(page("http://a/2"), 2000).get(30, TimeUnit.SECONDS);
    // jwarc's gzip stream, left half-way through a member, would deflate into its full buffer for good
    warc.revisit(page("http://a/3"), 3000, 1000).get(30, TimeUnit.SECONDS);
    warc.close();

    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.findFirst().orElseThrow();
    }
    assertThat(WarcFinalAnswersTest.records(dir)).containsExactly("warcinfo", "response 200 http://a/1 page");
    assertThat(warc.notArchived()).isEqualTo(2);
    assertThat(warc.failure()).isEqualTo(file + ": " + FullDisk.NO_SPACE);
  }

  @Test
  void aResponseThatCannotBeMadeIntoARecordIsLeftOutAndNamedWhileTheFileGoesOn() throws Exception {
    Path dir = data.resolve("warc");
    WarcSink warc = WarcSink.open(dir, Clock.systemUTC());
    warc.response(page("http://a/1"), 1000).get(30, TimeUnit.SECONDS);
    warc.response(page("http://a/b c"), 2000).get(30, TimeUnit.SECONDS); // a URL jwarc refuses
    warc.response(page("http://a/3"), 3000).get(30, TimeUnit.SECONDS);
    warc.close();

    assertThat(WarcFinalAnswersTest.records(dir))
        .containsExactly("warcinfo", "response 200 http://a/1 page", "response 200 http://a/3 page");
    assertThat(warc.notArchived()).isEqualTo(1);
    assertThat(warc.failure()).startsWith("http://a/b c: ").contains("Illegal character");
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  static FetchResult page(String url) {
    return new FetchResult(url, 200, "text/plain", null, "page".getBytes(StandardCharsets.UTF_8), false, null,
        null, null, null, false, "200 OK");
  }
}
