package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.junit.jupiter.api.Test;

class IndexErrorsTest {

  @Test
  void anIndexFolderThisUserMayNotReadSaysPermissionDeniedRatherThanRepeatingItsPath() {
    // What FSDirectory.open throws on an index folder of mode 000: its message is the path alone.
    String why = IndexErrors.brief(new AccessDeniedException("/srv/docs/index"));

    assertThat(why).isEqualTo("permission denied (index)");
  }

  @Test
  void aFileThatWentMissingIsSaidInWordsToo() {
    String why = IndexErrors.brief(new NoSuchFileException("/srv/docs/index/segments_3"));

    assertThat(why).isEqualTo("no such file or folder (segments_3)");
  }

  @Test
  void aChecksumThatFailsIsSaidWithoutItsValuesAndWithTheWayToRebuildTheIndex() {
    String failed = IndexErrors.brief(new CorruptIndexException(
        "checksum failed (hardware problem?) : expected=70eb3450 actual=a364e416", "ByteBufferIndexInput(path=\"/d/index/_0.cfs\")"));
    String unreadable = IndexErrors.brief(new CorruptIndexException(
        "checksum status indeterminate: remaining=0; please run checkindex for more details", "path=\"/d/index/_0.si\""));

    assertThat(failed).isEqualTo("damaged: checksum failed (_0.cfs); crawl again with --fresh to rebuild it");
    assertThat(unreadable).isEqualTo("damaged: checksum status indeterminate (_0.si); crawl again with --fresh to rebuild it");
  }

  @Test
  void aSegmentFileGoneOrCutShortIsNamedWithWhatIsWrongNotAsLucenesProblemReadingIndex() {
    // What DirectoryReader.open throws over a commit whose _0.cfs was deleted, or truncated to 0 bytes.
    String gone = IndexErrors.brief(new CorruptIndexException("Problem reading index.", "/d/index/_0.cfs",
        new NoSuchFileException("/d/index/_0.cfs")));
    String cut = IndexErrors.brief(new CorruptIndexException("Problem reading index from MMapDirectory@/d/index"
        + " lockFactory=org.apache.lucene.store.NativeFSLockFactory@5ba3f27a", "MMapDirectory@/d/index",
        new EOFException("read past EOF: ByteBufferIndexInput(path=\"/d/index/_0.cfs\")")));

    assertThat(gone).isEqualTo("damaged: a file of its last commit is missing (_0.cfs); crawl again with --fresh to rebuild it");
    assertThat(cut).isEqualTo("damaged: read past EOF (_0.cfs); crawl again with --fresh to rebuild it");
  }

  @Test
  void aCommitOrSegmentCutShortIsSaidWithoutLucenesFooterValuesOrItsWordsForAReadError() {
    // DirectoryReader.open over a segments_1 of 0 bytes, and over an _0.cfs cut to 1 MB of its 8.
    String emptyCommit = IndexErrors.brief(new CorruptIndexException("Unexpected file read error while reading index.",
        "BufferedChecksumIndexInput(ByteBufferIndexInput(path=\"/d/index/segments_1\"))",
        new EOFException("read past EOF: ByteBufferIndexInput(path=\"/d/index/segments_1\")")));
    String cutSegment = IndexErrors.brief(new CorruptIndexException("codec footer mismatch (file truncated?): actual"
        + " footer=1375751168 vs expected footer=-1071082520", "ByteBufferIndexInput(path=\"/d/index/_0.cfs\")"));

    assertThat(emptyCommit).isEqualTo("damaged: read past EOF (segments_1); crawl again with --fresh to rebuild it");
    assertThat(cutSegment).isEqualTo("damaged: codec footer mismatch (file truncated?) (_0.cfs); crawl again with --fresh to rebuild it");
  }

  @Test
  void anIndexOfAnotherLuceneIsSaidNotToBeReadableWithoutItsVersionNumbers() {
    String why = IndexErrors.brief(new IndexFormatTooNewException("ByteBufferIndexInput(path=\"/d/index/segments_2\")",
        10, 7, 9));

    assertThat(why).isEqualTo("not an index this version can read: damaged, or written by another Lucene (segments_2)");
  }

  @Test
  void anyOtherFailureIsItsMessagesFirstLineOrUnreadableWithoutOne() {
    assertThat(IndexErrors.brief(new IOException("No space left on device\n\tat somewhere"))).isEqualTo("No space left on device");
    assertThat(IndexErrors.brief(new IOException(" \n "))).isEqualTo("unreadable");
    assertThat(IndexErrors.brief(new IOException((String) null))).isEqualTo("unreadable");
  }

  @Test
  void aMessageThatStartsWithALineBreakIsSaidByItsFirstLineOfText() {
    assertThat(IndexErrors.brief(new IOException("\nread past EOF\nmore"))).isEqualTo("read past EOF");
  }

  @Test
  void aCodecThisVersionLacksIsSaidInOneLineAndAnyOtherArgumentFailureIsLeftAsItIs() {
    IllegalArgumentException unknown = new IllegalArgumentException("Could not load codec 'SitepulsePage999'. Did"
        + " you forget to add lucene-backward-codecs.jar?");
    IllegalArgumentException other = new IllegalArgumentException("something else");

    assertThat(IndexErrors.unknownCodec(Path.of("/d/index"), unknown))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot open index /d/index: not an index this version can read: written with codec"
            + " SitepulsePage999, which it does not know (by a later sitepulse?)");
    assertThat(IndexErrors.unknownCodec(Path.of("/d/index"), other)).isSameAs(other);
  }
}
