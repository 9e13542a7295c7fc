package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.index.CorruptIndexException;
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
}
