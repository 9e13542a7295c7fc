package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a watch does with what it opened, once it stops. */
class WatchCloseTest {

  @Test
  void somethingTheWatchCannotCloseIsWarnedOfAndWhatWasOpenedBeforeItStillCloses() {
    List<String> closed = new ArrayList<>();
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    opened.push(() -> closed.add("history"));
    opened.push(() -> {
      throw new TimeoutException("Vert.x did not close within 2s");
    });
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(WatchRun.class);
    logger.addAppender(log);
    try {
      WatchRun.closeAll(opened);
    } finally {
      logger.detachAppender(log);
    }

    assertThat(closed).containsExactly("history");
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("stopping: cannot close what the watch opened:"
            + " Vert.x did not close within 2s"));
  }
}
