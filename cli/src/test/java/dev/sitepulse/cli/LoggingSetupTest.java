package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
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

  @Test
  void aWarningNamesNoClassButALoggerNamedForUsersIsNamed() {
    assertThat(line(LoggingSetup.PATTERN, "dev.sitepulse.crawler.internal.RobotsAndSitemaps", "robots.txt of x"))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  robots.txt of x\n");
    assertThat(line(LoggingSetup.PATTERN, "sitepulse.alerts", "home is DOWN"))
        .endsWith(" WARN  sitepulse.alerts - home is DOWN\n");
    assertThat(line(LoggingSetup.VERBOSE_PATTERN, "dev.sitepulse.crawler.internal.RobotsAndSitemaps", "robots.txt of x"))
        .endsWith(" WARN  d.s.c.i.RobotsAndSitemaps - robots.txt of x\n");
  }

  @Test
  void aSitesTextInALibrarysMessageStaysOnItsLineAndOffTheTerminalsControls() {
    // crawler-commons logs a robots.txt's lines as the site wrote them (with -v): an escape code
    // cleared the screen or wrote to the clipboard, a line break forged a second log line.
    String sitemap = "Invalid URL with sitemap directive: http://h/sm\u001b]52;c;ZXZpbA==\u0007"
        + "\n12:00:00.000 ERROR forged\u202e";
    for (String pattern : new String[] {LoggingSetup.PATTERN, LoggingSetup.VERBOSE_PATTERN}) {
      assertThat(line(pattern, LoggingSetup.ROBOTS_PARSER, sitemap))
          .endsWith("Invalid URL with sitemap directive: http://h/sm ]52;c;ZXZpbA== 12:00:00.000 ERROR forged \n");
    }
  }

  @Test
  void aUrlOfAHundredThousandCharsIsCutInItsMiddleAndShortWordsStayWhole() {
    // A page may link to a URL of 100,000 chars: the crawler's warnings name it, a wall of text.
    String url = "http://h/" + "a".repeat(100_000) + "/end.html";
    String start = url.substring(0, 100);
    String end = url.substring(url.length() - 99);
    for (String pattern : new String[] {LoggingSetup.PATTERN, LoggingSetup.VERBOSE_PATTERN}) {
      assertThat(line(pattern, "dev.sitepulse.crawler.internal.CrawlRun", "fetching " + url + " failed: 404"))
          .endsWith("fetching " + start + "\u2026" + end + " failed: 404\n");
      String twoHundred = "http://h/" + "b".repeat(191);
      assertThat(line(pattern, "x", "see " + twoHundred)).endsWith("see " + twoHundred + "\n");
    }
  }

  @Test
  void verboseSwitchesTheStderrLinesToNameEveryClass() {
    LoggerContext context = new LoggerContext();
    LoggingSetup setup = new LoggingSetup();
    setup.setContext(context);
    setup.configure(context);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    var encoder = (PatternLayoutEncoder) ((ConsoleAppender<?>) root.getAppender(LoggingSetup.APPENDER)).getEncoder();
    assertThat(encoder.getPattern()).isEqualTo(LoggingSetup.PATTERN);

    LoggingSetup.nameClasses(root);

    assertThat(encoder.getPattern()).isEqualTo(LoggingSetup.VERBOSE_PATTERN);
    assertThat(encoder.isStarted()).isTrue();
  }

  private static String line(String pattern, String logger, String message) {
    LoggerContext context = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(pattern);
    layout.start();
    return layout.doLayout(new LoggingEvent(LoggingSetupTest.class.getName(), context.getLogger(logger),
        ch.qos.logback.classic.Level.WARN, message, null, null));
  }
}
