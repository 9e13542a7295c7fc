package dev.sitepulse.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A condition no response can meet is read, as Gatus reads it, with a warning that says where it is. */
class ConditionWarningsTest {

  private static final String FILE = ConfigErrors.FILE;

  private final Logger logger = (Logger) LoggerFactory.getLogger("sitepulse.config");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  @Test
  void aConditionNoResponseCanMeetIsKeptWithAWarningNamingItsLineAndTarget() {
    SitepulseConfig config = SitepulseConfig.read("""
        targets:
          - name: t
            url: http://a/
            conditions:
              - "[STATUS] == 200"
              - "[RESPONSE_TIME] < 0"
        """, FILE, Map.of());

    assertThat(config.targets().get(0).conditions()).hasSize(2);
    assertThat(log.list).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage()).isEqualTo(FILE + ":6:9: targets[0].conditions[1] (target \"t\"): "
          + "condition \"[RESPONSE_TIME] < 0\" can never hold: [RESPONSE_TIME] is never below 0");
    });
  }

  @Test
  void conditionsSomeResponseCanMeetGetNoWarning() {
    SitepulseConfig.read("""
        targets:
          - url: http://a/
            conditions: ["[STATUS] > 600", "[RESPONSE_TIME] < 2s"]
        """, FILE, Map.of());

    assertThat(log.list).isEmpty();
  }
}
