package dev.sitepulse.crawler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes while it is listened to, as formatted: for tests that check what a
 * class warns. Listen in a try-with-resources block; closing stops listening, the lines stay.
 */
public final class LoggedLines implements AutoCloseable {

  /** Code run while a logger is listened to. */
  @FunctionalInterface
  public interface During {
    void run() throws Exception;
  }

  private final Logger logger;
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  private LoggedLines(Logger logger) {
    this.logger = logger;
    lines.start();
    logger.addAppender(lines);
  }

  /** Listens to the logger of that name; {@code Logger.ROOT_LOGGER_NAME} hears every logger. */
  public static LoggedLines of(String loggerName) {
    return new LoggedLines((Logger) LoggerFactory.getLogger(loggerName));
  }

  public static LoggedLines of(Class<?> loggingClass) {
    return of(loggingClass.getName());
  }

  /** The WARN lines the logger wrote while {@code during} ran. */
  public static List<String> warnedDuring(String loggerName, During during) throws Exception {
    try (LoggedLines log = of(loggerName)) {
      during.run();
      return log.warnings();
    }
  }

  public static List<String> warnedDuring(Class<?> loggingClass, During during) throws Exception {
    return warnedDuring(loggingClass.getName(), during);
  }

  /** Every line so far, of any level. */
  public List<String> all() {
    return atLeast(Level.ALL);
  }

  /** The lines so far at {@code level} or above. */
  public List<String> atLeast(Level level) {
    // The appender appends under its own lock, maybe on another thread: read under the same one.
    synchronized (lines) {
      return lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** The WARN lines so far (not ERROR ones). */
  public List<String> warnings() {
    synchronized (lines) {
      return lines.list.stream().filter(e -> e.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /**
   * Waits until the logger has warned a line containing {@code part}, as it does on another thread:
   * an event a test waits for, within a minute, a bound for a machine as loaded as it gets.
   */
  public void awaitWarning(String part) throws InterruptedException {
    Eventually.await("a warning with \"" + part + "\"", () -> warnings().stream().anyMatch(w -> w.contains(part)));
  }

  @Override
  public void close() {
    logger.detachAppender(lines);
  }
}
