package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.LoggingSetup;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Loads at start-up the classes a stop would load for the first time, so that a stop reads nothing
 * from the jar: {@code ./mvnw package} rewrites {@code cli/target/sitepulse.jar} in place, and a
 * JVM running from it then finds the classes it had not loaded garbled, so that SIGTERM failed with
 * NoClassDefFoundError and the watch could not stop. (A package manager's update, a new file
 * renamed over the old, leaves the open one as it was.) What a stop runs on other threads is loaded
 * by running it: a Vert.x of its own with a server, both closed at once.
 */
final class StopPath {

  private static final Logger log = LoggerFactory.getLogger(StopPath.class);

  private StopPath() {}

  static void load() {
    try {
      // The stop's own; the one picocli asks for once the command returns; Main's for an Error.
      for (Class<?> c : new Class<?>[] {WatchStop.class, WatchStop.Stopped.class, CommandLine.IExitCodeGenerator.class,
          ExitCode.class}) {
        Class.forName(c.getName(), true, c.getClassLoader());
      }
      LoggingSetup.formatALine(); // the stop's may be the first
      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
      try {
        vertx.createHttpServer().requestHandler(r -> r.response().end())
            .listen(0, "127.0.0.1").compose(server -> server.close())
            .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) { // a stop would load what is missing, as it did before
      log.debug("loading the stop's classes: {}", e.toString());
    }
  }
}
