package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
}
