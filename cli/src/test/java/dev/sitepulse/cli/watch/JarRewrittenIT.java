package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.testing.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch run from {@code cli/target/sitepulse.jar} while {@code ./mvnw package} writes that jar
 * anew, in place: the JVM then reads garbage where a class it had not loaded was. A stop must need
 * none of those, or SIGTERM fails with NoClassDefFoundError and the watch runs on.
 */
class JarRewrittenIT {

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  @TempDir Path dir;

  /** Another jar, as a build makes one: a zip whose entries are elsewhere, and far shorter. */
  private static byte[] anotherJar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static int checks(WatchProcess w) {
    try {
      String status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(w.base() + "/status")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return new ObjectMapper().readTree(status).path("checks").asInt();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  @Test
  void aWatchWhoseJarIsRewrittenInPlaceStillStopsOnSigtermWithItsLineAndExitCode() throws Exception {
    Path jar = Files.copy(JarProcess.JAR, dir.resolve("sitepulse.jar"));
    Path config = Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 1h\ntargets:\n"
        + "  - name: site\n    url: " + StubServer.url(stubs, "/status/200") + "\n");

    try (WatchProcess w = WatchProcess.startFrom(jar, dir, "-c", config.toString(),
        "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0")) {
      // Past the first check: its classes are the checks' to load, not the stop's.
      w.await(Duration.ofSeconds(30), "the first check", () -> checks(w) >= 1);
      Files.write(jar, anotherJar()); // truncated and written: the same file, as the build does it

      w.signal("TERM");

      assertThat(w.exitCode(Duration.ofSeconds(30))).as("%s%s", w.out(), w.err()).isZero();
      assertThat(w.out()).contains("sitepulse watch: stopped (SIGTERM): ");
      // The signal's thread and main's: Vert.x's own threads, as they end, may still load one (netty's buffer release).
      assertThat(w.err()).doesNotContain("in thread \"SIGTERM handler\"").doesNotContain("in thread \"main\"")
          .doesNotContain("sitepulse: java.lang.NoClassDefFoundError");
    }
  }
}
