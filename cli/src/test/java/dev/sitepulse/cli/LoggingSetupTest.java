package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {

  @AfterEach
  void restore() {
    LoggingSetup.LUCENE.setLevel(null);
  }

  @Test
  void lucenesJavaUtilLoggingNoticesAreQuiet() {
    LoggingSetup.quietLibraries();

    // What Lucene logs on JDK 21+ before every search: an INFO, and from JDK 23 a WARNING.
    assertThat(java.util.logging.Logger.getLogger("org.apache.lucene.store.MemorySegmentIndexInputProvider")
        .isLoggable(Level.WARNING)).isFalse();
    assertThat(java.util.logging.Logger.getLogger("org.apache.lucene").isLoggable(Level.SEVERE)).isTrue();
  }
}
