package dev.sitepulse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.sitepulse.pinger.format.OneLine;
import java.nio.charset.StandardCharsets;

/**
 * Logging for the command line, set up in code: quiet by default (warnings and errors only), on
 * stderr so stdout stays parseable; {@code -v} lowers the level to debug. Configuring in code
 * rather than logback.xml keeps logback's XML machinery, some 400 classes, out of every start-up.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.setCharset(StandardCharsets.UTF_8); // as Main's System.err, whatever the locale
    encoder.start();

    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(APPENDER);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    // It logs each problem of a robots.txt on lines of its own; the crawl says how many in one.
    context.getLogger(ROBOTS_PARSER).setLevel(Level.ERROR);
    // It logs a sitemap's problems in raw lines; the crawl says what it makes of them in its own.
    context.getLogger(SITEMAP_PARSER).setLevel(Level.ERROR);
    ClosingServerRace race = new ClosingServerRace();
    race.setContext(context);
    race.start();
    context.addTurboFilter(race);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static final String ROBOTS_PARSER = "crawlercommons.robots.SimpleRobotRulesParser";
  static final String SITEMAP_PARSER = "crawlercommons.sitemaps.SiteMapParser";
  static final String APPENDER = "stderr";

  /**
   * The message on its line, as {@link OneLine} keeps a site's text: libraries quote what a site
   * wrote (crawler-commons a robots.txt's lines, with -v), whose escape codes would reach the
   * terminal and whose line breaks would forge log lines. Then a run of over 200 chars without a
   * space, a URL a page linked (one of 100,000 chars made each warning naming it a wall of text),
   * keeps its first 100 and last 99 around "…", as tables show long URLs ({@code urls.ShortUrl}).
   */
  private static final String MESSAGE = "%replace(%replace(%msg){'[" + OneLine.CONTROL_CHARS + "]+', ' '})"
      + "{'(\\S{100})\\S{2,}(\\S{99})', '$1\u2026$2'}%n";

  /**
   * A user reads what happened, not which class said it: only the loggers named for a user
   * (sitepulse.alerts, sitepulse.history…, which a log filter may pick out) are named. -v names
   * every class, for a bug report.
   */
  static final String PATTERN =
      "%d{HH:mm:ss.SSS} %-5level %replace(%logger - ){'^(?!sitepulse\\.).* - $', ''}" + MESSAGE;
  static final String VERBOSE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - " + MESSAGE;

  /**
   * Lucene logs through java.util.logging, which bypasses logback: on JDK 21 and later an INFO
   * about memory segments and, from 23, a WARNING to update Lucene came before every search's
   * results or one-line error. Neither is for a user to act on; -v shows them. Held in a field, as
   * java.util.logging keeps its loggers (and so their levels) only weakly.
   */
  static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  /** Called first thing: a search opens Lucene before anything asks SLF4J, and so logback, for a logger. */
  static void quietLibraries() {
    LUCENE.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Lines that follow name the class that logged each, as {@link #VERBOSE_PATTERN} does. */
  static void nameClasses(Logger root) {
    if (root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> stderr
        && stderr.getEncoder() instanceof PatternLayoutEncoder encoder) {
      encoder.stop(); // before anything is logged: -v is read first thing
      encoder.setPattern(VERBOSE_PATTERN);
      encoder.start();
    }
  }

  /**
   * Formats a line as each appender of the root logger would, and writes it nowhere: the classes
   * the first line logged needs are then loaded, for a command that must not load them later (a
   * watch whose jar may be rewritten under it, see {@code watch.StopPath}).
   */
  public static void formatALine() {
    Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    LoggingEvent line = new LoggingEvent(Logger.FQCN, root, Level.WARN, "{}: {}", null,
        new Object[] {"a line", "formatted"});
    line.prepareForDeferredProcessing(); // as an appender does before it writes
    root.iteratorForAppenders().forEachRemaining(appender -> {
      if (appender instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() != null) {
        out.getEncoder().encode(line);
      }
    });
  }

  /**
   * Says that a server of this process is closing: Vert.x 5.2's race of a connection accepted
   * meanwhile is no longer logged (see {@link ClosingServerRace}). Loads no class of the jar, as a
   * stop must not.
   */
  public static void serverClosing() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (var filter : context.getTurboFilterList()) {
        if (filter instanceof ClosingServerRace race) {
          race.serverClosing();
        }
      }
    }
  }

  /** Turns on debug output for the whole run. */
  static void verbose() {
    Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    nameClasses(root);
    ((Logger) org.slf4j.LoggerFactory.getLogger(ROBOTS_PARSER)).setLevel(null); // each problem, as root
    ((Logger) org.slf4j.LoggerFactory.getLogger(SITEMAP_PARSER)).setLevel(null);
    // Resilience4j's circuit breakers log "No Consumers: Event SUCCESS not published" per check.
    ((Logger) org.slf4j.LoggerFactory.getLogger("io.github.resilience4j")).setLevel(Level.INFO);
    LUCENE.setLevel(null);
  }
}
