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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed in the middle of a WARC write leaves its file open (….warc.gz.open) and ending in a
 * cut record: the next run cuts that off and renames the file. Closed files are never read.
 */
class CutWarcTailTest {

  private static final Clock EARLIER = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);
  private static final Clock LATER = Clock.fixed(Instant.parse("2030-01-02T12:00:00.5Z"), ZoneOffset.UTC);
  private static final Clock LATEST = Clock.fixed(Instant.parse("2030-01-02T12:00:01Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void aFileAKilledRunLeftOpenIsCutBackToItsLastWholeRecordAndRenamedAndTheNextRunSaysSo() throws Exception {
    Path dir = data.resolve("warc");
    Path closed = written(dir, EARLIER, "http://a/1", "http://a/2");
    long whole = Files.size(closed);
    Path open = killedWhileWriting(closed, whole - 30); // a byte inside the last record's gzip member

    List<String> said = CutWarcTail.closeLeftOpen(dir);

    assertThat(files(dir)).containsExactly(closed);
    assertThat(WarcFinalAnswersTest.records(dir)).containsExactly("warcinfo", "response 200 http://a/1 page");
    long kept = Files.size(closed);
    assertThat(said).containsExactly("warc: " + open + " ended in a cut record; cut back to its last whole record ("
        + (whole - 30 - kept) + " bytes) and renamed " + closed.getFileName());
  }

  @Test
  void theNextRunClosesTheKilledRunsFileBeforeItBeginsItsOwn() throws Exception {
    Path dir = data.resolve("warc");
    Path closed = written(dir, EARLIER, "http://a/1", "http://a/2");
    long cutAt = Files.size(closed) - 30;
    killedWhileWriting(closed, cutAt);

    Path next = written(dir, LATER, "http://a/3");

    assertThat(files(dir)).containsExactlyInAnyOrder(closed, next);
    try (FileChannel channel = FileChannel.open(closed, StandardOpenOption.READ)) {
      assertThat(channel.size()).isLessThan(cutAt);
      assertThat(GzipMembers.wholeEnd(channel)).isEqualTo(channel.size());
    }
  }

  @Test
  void aNewRunLeavesClosedFilesAsTheyAreEvenTheLatestThatEndsInACutRecord() throws Exception {
    Path dir = data.resolve("warc");
    Path closed = written(dir, EARLIER, "http://a/1", "http://a/2");
    cut(closed, Files.size(closed) - 30);
    long size = Files.size(closed);

    written(dir, LATER, "http://a/3"); // before, it read the latest run's file to its end, and cut it

    assertThat(Files.size(closed)).isEqualTo(size);
  }

  @Test
  void aClosedFileIsNeverOpenedAtStartNotEvenTheLatestOrOneThatEndsInACutRecord() throws Exception {
    Path dir = data.resolve("warc");
    Path earlier = written(dir, EARLIER, "http://a/1");
    Path later = written(dir, LATER, "http://a/2");
    Path leftOpen = killedWhileWriting(written(dir, LATEST, "http://a/3"), 100);
    cut(later, Files.size(later) - 30); // cut by something else than a kill: not this run's to mend
    long laterSize = Files.size(later);
    Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("---------"));
    List<Path> opened = new ArrayList<>();

    // Before, each start read the latest run's file to its end: minutes for one of gigabytes.
    assertThat(CutWarcTail.closeLeftOpen(dir, (file, options) -> {
      opened.add(file);
      return FileChannel.open(file, options);
    })).hasSize(1);
    assertThat(opened).containsOnly(leftOpen);
    assertThat(CutWarcTail.closeLeftOpen(dir)).isEmpty(); // a 0000 file, unreadable but to root, says nothing
    assertThat(Files.size(later)).isEqualTo(laterSize);
  }

  @Test
  void aWholeFileLeftOpenIsRenamedWithoutAWord() throws Exception {
    Path dir = data.resolve("warc");
    Path closed = written(dir, EARLIER, "http://a/1");
    long size = Files.size(closed);
    killedWhileWriting(closed, size); // killed between two records

    assertThat(CutWarcTail.closeLeftOpen(dir)).isEmpty();
    assertHoldsOnly(dir, closed, size);
  }

  @Test
  void everyFileLeftOpenIsClosedNotOnlyTheLatest() throws Exception {
    Path dir = data.resolve("warc");
    Path earlier = written(dir, EARLIER, "http://a/1", "http://a/2");
    Path later = written(dir, LATER, "http://a/3", "http://a/4"); // which closes any file left open before it
    Path earlierOpen = killedWhileWriting(earlier, Files.size(earlier) - 30);
    Path laterOpen = killedWhileWriting(later, Files.size(later) - 30);

    assertThat(CutWarcTail.closeLeftOpen(dir)).satisfiesExactly( // by the time their runs began
        line -> assertThat(line).startsWith("warc: " + earlierOpen + " ended in a cut record"),
        line -> assertThat(line).startsWith("warc: " + laterOpen + " ended in a cut record"));
    assertThat(files(dir)).containsExactlyInAnyOrder(earlier, later);
  }

  @Test
  void aFileLeftOpenThatIsNotGzipIsNamedAndLeftAsItIs() throws Exception {
    Path dir = Files.createDirectories(data.resolve("warc"));
    Path file = Files.writeString(dir.resolve("crawl-2030-01-02T12-00-00Z.warc.gz.open"), "WARC/1.1\r\n");

    assertThat(CutWarcTail.closeLeftOpen(dir)).containsExactly("warc: " + file
        + " could not be read (no gzip member at byte 0); it is left as it is");
    assertThat(Files.readString(file)).isEqualTo("WARC/1.1\r\n");
  }

  @Test
  void aCutFileLeftOpenThatMayNotBeWrittenIsNamedAsOneThatCouldNotBeCutAndWhy() throws Exception {
    Path dir = data.resolve("warc");
    Path open = cutLeftOpen(dir, EARLIER, "http://a/1", "http://a/2");
    long size = Files.size(open);

    assertThat(CutWarcTail.closeLeftOpen(dir, CutWarcTailTest::readOnly)).containsExactly("warc: " + open
        + " ends in a cut record but could not be cut back to its last whole record (permission denied);"
        + " it is left as it is");
    assertHoldsOnly(dir, open, size);
  }

  @Test
  void aFileLeftOpenWhoseNameIsTakenIsCutButNotRenamedOverTheOther() throws Exception {
    Path dir = data.resolve("warc");
    Path open = cutLeftOpen(dir, EARLIER, "http://a/1", "http://a/2");
    Path closed = Files.writeString(WarcFileNames.closed(open), "someone's");

    assertThat(CutWarcTail.closeLeftOpen(dir)).singleElement().asString()
        .startsWith("warc: " + open + " ended in a cut record; cut back to its last whole record (")
        .endsWith(" bytes), but could not be renamed " + closed.getFileName() + " (already exists); it is left as it is");
    assertThat(Files.readString(closed)).isEqualTo("someone's");
    try (FileChannel channel = FileChannel.open(open, StandardOpenOption.READ)) {
      assertThat(GzipMembers.wholeEnd(channel)).isEqualTo(channel.size());
    }
  }

  @Test
  void aFileAWriterStillHoldsIsLeftAsItIsThoughItsRunReleasedTheCrawlLock() throws Exception {
    Path dir = data.resolve("warc");
    // As a writer still busy a minute after its run closed it leaves its file, in this JVM or another.
    try (WarcSink busy = WarcSink.open(dir, EARLIER)) {
      Path open = dir.resolve(WarcFileNames.whileOpen(EARLIER.instant()));
      long size = Files.size(open);

      List<String> said = CutWarcTail.closeLeftOpen(dir);

      // Before: it was renamed under the writer, whose close then failed to rename it.
      assertThat(said).containsExactly("warc: " + open + " is still being written; left as it is");
      assertHoldsOnly(dir, open, size);
    }
    assertThat(files(dir)).containsExactly(dir.resolve(WarcFileNames.of(EARLIER.instant())));
  }

  @Test
  void aFileItsWriterRenamesAfterTheListingIsLeftToItWithoutAWord() throws Exception {
    Path dir = data.resolve("warc");
    Path closed = written(dir, EARLIER, "http://a/1");
    long size = Files.size(closed);
    killedWhileWriting(closed, size);

    // Its writer, in another JVM, done between this run's listing and its read: renamed, still locked.
    List<String> said = CutWarcTail.closeLeftOpen(dir, (file, options) -> {
      Files.move(file, WarcFileNames.closed(file));
      return FileChannel.open(file, options);
    });

    // Before: "could not be read (no such file)", of a file its writer had closed as it should.
    assertThat(said).isEmpty();
    assertHoldsOnly(dir, closed, size);
  }

  /** A file of mode 0444, as a user other than root finds it: these tests may run as root. */
  private static FileChannel readOnly(Path file, OpenOption... options) throws IOException {
    if (List.of(options).contains(StandardOpenOption.WRITE)) {
      throw new AccessDeniedException(file.toString());
    }
    return FileChannel.open(file, options);
  }

  /** A run's file, closed: under its own name. */
  static Path written(Path dir, Clock clock, String... urls) throws Exception {
    WarcSink warc = WarcSink.open(dir, clock);
    for (String url : urls) {
      warc.response(new FetchResult(url, 200, "text/plain", null, "page".getBytes(StandardCharsets.UTF_8), false,
          null, null, null, null, false, "200 OK"), 1000).get(30, TimeUnit.SECONDS);
    }
    warc.close();
    Path file = dir.resolve(WarcFileNames.of(clock.instant()));
    assertThat(file).exists();
    return file;
  }

  /** {@code closed} as a run killed while writing it left it: open, and {@code size} bytes long. */
  static Path killedWhileWriting(Path closed, long size) throws Exception {
    Path open = Files.move(closed, closed.resolveSibling(closed.getFileName() + ".open"));
    cut(open, size);
    return open;
  }

  /** A run's file as a kill in the middle of writing its last record left it. */
  private static Path cutLeftOpen(Path dir, Clock clock, String... urls) throws Exception {
    Path closed = written(dir, clock, urls);
    return killedWhileWriting(closed, Files.size(closed) - 30); // a byte inside the last record's gzip member
  }

  private static void cut(Path file, long size) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void assertHoldsOnly(Path dir, Path file, long size) throws IOException {
    assertThat(files(dir)).containsExactly(file);
    assertThat(Files.size(file)).isEqualTo(size);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
