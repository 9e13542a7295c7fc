package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.net.impl.VertxEventLoopGroup;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 5.2's race when a server closes (eclipse-vertx/vert.x#6087): a connection accepted as the
 * server's handlers go finds no event loop, and Netty logs a WARN with a 20-line trace.
 */
class ClosingServerRaceTest {

  private final LoggerContext context = new LoggerContext();
  private final ClosingServerRace race = new ClosingServerRace();
  private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
  private final Logger bootstrap = context.getLogger(ClosingServerRace.LOGGER);

  ClosingServerRaceTest() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    context.addTurboFilter(race);
    race.start();
    seen.setContext(context);
    seen.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);
  }

  @Test
  void theAcceptRaceIsNotLoggedOnceAServerIsClosing() {
    race.serverClosing();

    logTheRace(bootstrap);

    assertThat(seen.list).isEmpty();
  }

  @Test
  void theSameTraceIsLoggedWhileNoServerIsClosing() {
    logTheRace(bootstrap);

    assertThat(seen.list).hasSize(1);
  }

  @Test
  void otherWarningsOfNettysBootstrapStillShowWhileAServerCloses() {
    race.serverClosing();

    bootstrap.warn("Failed to register an accepted channel: {}", "[id: 0x1]", new IllegalStateException("other"));
    bootstrap.warn("Failed to set channel option '{}' with value '{}' for channel '{}'", "SO_X", 1, "[id: 0x1]");
    context.getLogger("io.netty.channel.DefaultChannelPipeline")
        .warn("An exception was thrown", theExceptionOfTheRace());

    assertThat(seen.list).hasSize(3);
  }

  @Test
  void verboseShowsTheRaceEvenWhileAServerCloses() {
    race.serverClosing();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);

    logTheRace(bootstrap);

    assertThat(seen.list).hasSize(1);
  }

  /** As Netty's ServerBootstrapAcceptor logs it, with the exception Vert.x's group throws. */
  static void logTheRace(Logger logger) {
    logger.warn("Failed to register an accepted channel: {}", "[id: 0x5412aa76, L:/127.0.0.1:42311]",
        theExceptionOfTheRace());
  }

  static Throwable theExceptionOfTheRace() {
    Throwable thrown = catchThrowable(() -> new VertxEventLoopGroup().next()); // no server's handlers left
    assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class);
    return thrown;
  }
}
