package dev.sitepulse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps one known Vert.x 5.2 race off stderr once a server of the watch is closing
 * (eclipse-vertx/vert.x#6087, fixed after 5.2.3 by PR #6366): a connection accepted as the
 * server's handlers go finds no event loop, and Netty logs a WARN with a 20-line trace of
 * {@code VertxEventLoopGroup.next}'s IllegalStateException, several under concurrent scrapes. The
 * connection is refused, as any after the close is; nothing is lost. Only that event is held back,
 * and only from the close on; {@code -v} shows it.
 */
final class ClosingServerRace extends TurboFilter {

  static final String LOGGER = "io.netty.bootstrap.ServerBootstrap";
  private static final String MESSAGE = "Failed to register an accepted channel";
  private static final String GROUP = "io.vertx.core.net.impl.VertxEventLoopGroup";

  private volatile boolean closing;

  /** From now on the race is held back: once closing, a server stays closed. */
  void serverClosing() {
    closing = true;
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!closing || !LOGGER.equals(logger.getName()) || format == null || !format.startsWith(MESSAGE)
        || logger.isDebugEnabled()) {
      return FilterReply.NEUTRAL;
    }
    // SLF4J passes the exception as the last argument; logback takes it out after this filter.
    Throwable thrown = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    return isTheRace(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean isTheRace(Throwable thrown) {
    if (thrown == null || thrown.getClass() != IllegalStateException.class) {
      return false;
    }
    StackTraceElement[] trace = thrown.getStackTrace();
    return trace.length > 0 && GROUP.equals(trace[0].getClassName()) && "next".equals(trace[0].getMethodName());
  }
}
