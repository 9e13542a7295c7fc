package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.FetchResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed in the middle of a WARC write leaves a cut record, which the next run cuts off. */
class CutWarcTailTest {

  private static final Clock EARLIER = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);
  private static final Clock LATER = Clock.fixed(Instant.parse("2030-01-02T12:00:00.5Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void aFileCutInsideItsLastRecordIsCutBackToTheRecordBeforeAndTheNextRunSaysSo() throws Exception {
    Path dir = data.resolve("warc");
    Path file = written(dir, EARLIER, "http://a/1", "http://a/2");
    long whole = Files.size(file);
    cut(file, whole - 30); // a byte inside the last record's gzip member: a kill in the middle of its write

    String said = CutWarcTail.repairLast(dir).orElseThrow();

    assertThat(WarcFinalAnswersTest.records(dir)).containsExactly("warcinfo", "response 200 http://a/1 page");
    long kept = Files.size(file);
    assertThat(said).isEqualTo("warc: " + file + " ended in a cut record; cut back to its last whole record ("
        + (whole - 30 - kept) + " bytes)");
  }

  @Test
  void theNextRunCutsBackTheKilledRunsFileBeforeItBeginsItsOwn() throws Exception {
    Path dir = data.resolve("warc");
    Path file = written(dir, EARLIER, "http://a/1", "http://a/2");
    long cutAt = Files.size(file) - 30;
    cut(file, cutAt);

    written(dir, LATER, "http://a/3");

    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      assertThat(channel.size()).isLessThan(cutAt);
      assertThat(GzipMembers.wholeEnd(channel)).isEqualTo(channel.size());
    }
  }

  @Test
  void onlyTheLatestRunsFileIsReadAndAWholeOneIsLeftWithoutAWord() throws Exception {
    Path dir = data.resolve("warc");
    // Named by the instant: ".5Z" sorts before "Z" as text, but the file was begun later.
    Path later = written(dir, LATER, "http://a/2");
    long laterSize = Files.size(later);
    Path earlier = written(dir, EARLIER, "http://a/1"); // written second, lest opening the later file mend it
    cut(earlier, Files.size(earlier) - 30);
    long earlierSize = Files.size(earlier);

    assertThat(CutWarcTail.repairLast(dir)).isEmpty();
    assertThat(Files.size(later)).isEqualTo(laterSize);
    assertThat(Files.size(earlier)).isEqualTo(earlierSize);
  }

  @Test
  void aFileThatIsNotGzipIsNamedAndLeftAsItIs() throws Exception {
    Path dir = Files.createDirectories(data.resolve("warc"));
    Path file = Files.writeString(dir.resolve("crawl-2030-01-02T12-00-00Z.warc.gz"), "WARC/1.1\r\n");

    assertThat(CutWarcTail.repairLast(dir)).hasValue("warc: " + file
        + " could not be read (no gzip member at byte 0); it is left as it is");
    assertThat(Files.readString(file)).isEqualTo("WARC/1.1\r\n");
  }

  @Test
  void aWholeFileTheUserMadeReadOnlyIsReadAndLeftWithoutAWord() throws Exception {
    Path dir = data.resolve("warc");
    Path file = written(dir, EARLIER, "http://a/1");
    long size = Files.size(file);

    // Opened for writing too, a 0444 file failed to open and each run said it "could not be read".
    assertThat(CutWarcTail.repairLast(dir, CutWarcTailTest::readOnly)).isEmpty();
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void aCutFileTheUserMadeReadOnlyIsNamedAsOneThatCouldNotBeCutAndWhy() throws Exception {
    Path dir = data.resolve("warc");
    Path file = written(dir, EARLIER, "http://a/1", "http://a/2");
    cut(file, Files.size(file) - 30);
    long size = Files.size(file);

    assertThat(CutWarcTail.repairLast(dir, CutWarcTailTest::readOnly)).hasValue("warc: " + file
        + " ends in a cut record but could not be cut back to its last whole record (permission denied);"
        + " it is left as it is");
    assertThat(Files.size(file)).isEqualTo(size);
  }

  /** A file of mode 0444, as a user other than root finds it: these tests may run as root. */
  private static FileChannel readOnly(Path file, OpenOption... options) throws IOException {
    if (List.of(options).contains(StandardOpenOption.WRITE)) {
      throw new AccessDeniedException(file.toString());
    }
    return FileChannel.open(file, options);
  }

  private static Path written(Path dir, Clock clock, String... urls) throws Exception {
    WarcSink warc = WarcSink.open(dir, clock);
    for (String url : urls) {
      warc.response(new FetchResult(url, 200, "text/plain", null, "page".getBytes(StandardCharsets.UTF_8), false,
          null, null, null, null, false, "200 OK"), 1000).get(30, TimeUnit.SECONDS);
    }
    warc.close();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> clock.instant().equals(WarcFileNames.opened(f))).findFirst().orElseThrow();
    }
  }

  private static void cut(Path file, long size) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }
}
