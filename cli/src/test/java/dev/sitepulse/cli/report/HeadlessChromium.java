package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven over the DevTools protocol on a WebSocket (OkHttp): opens a
 * page, collects console errors, uncaught exceptions and dialogs, evaluates JavaScript and takes
 * screenshots. Without chromium a test is skipped, unless SITEPULSE_REQUIRE_CHROMIUM=1 (as in CI),
 * when it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

  /**
   * How long the browser may take to start, to answer a call, to load a page or to exit: bounds
   * for a machine as loaded as it gets, so that a browser that hangs fails the test instead of
   * hanging the run, never speed goals.
   */
  private static final Duration LIMIT = Duration.ofMinutes(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> dialogs = new ArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /** The binary on PATH, or the test is skipped (or failed, where chromium is required). */
  public static Path require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      if ("1".equals(System.getenv("SITEPULSE_REQUIRE_CHROMIUM"))) {
        fail("SITEPULSE_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)");
      }
      Assumptions.abort("no chromium on PATH (apt-get install chromium); browser test skipped");
    }
    return found.get();
  }

  private static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  public static HeadlessChromium launch(Path binary, Path workDir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
        "--window-size=1280,1000", "about:blank")
        .redirectErrorStream(true).redirectOutput(workDir.resolve("chromium.log").toFile());
    Process process = pb.start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        fail("chromium did not start: " + Files.readString(workDir.resolve("chromium.log")));
      }
      Thread.sleep(20);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    return new HeadlessChromium(process, port);
  }

  private HeadlessChromium(Process process, int port) throws IOException {
    this.process = process;
    String page;
    try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/json/list").build()).execute()) {
      JsonNode targets = JSON.readTree(r.body().string());
      page = null;
      for (JsonNode t : targets) {
        if (t.get("type").asText().equals("page")) {
          page = t.get("webSocketDebuggerUrl").asText();
          break;
        }
      }
    }
    if (page == null) {
      fail("chromium has no page to drive");
    }
    CompletableFuture<Void> open = new CompletableFuture<>();
    socket = http.newWebSocket(new Request.Builder().url(page).build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket ws, Response response) {
        open.complete(null);
      }

      @Override
      public void onMessage(WebSocket ws, String text) {
        receive(text);
      }

      @Override
      public void onFailure(WebSocket ws, Throwable t, Response response) {
        open.completeExceptionally(t);
        calls.values().forEach(c -> c.completeExceptionally(t));
      }
    });
    open.orTimeout(LIMIT.toSeconds(), TimeUnit.SECONDS).join();
    call("Runtime.enable", p -> {});
    call("Log.enable", p -> {});
    call("Page.enable", p -> {});
  }

  private void receive(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      if (m.has("id")) {
        CompletableFuture<JsonNode> c = calls.remove(m.get("id").asInt());
        if (c != null) {
          if (m.has("error")) {
            c.completeExceptionally(new IllegalStateException(m.get("error").toString()));
          } else {
            c.complete(m.get("result"));
          }
        }
        return;
      }
      String method = m.path("method").asText();
      JsonNode p = m.path("params");
      switch (method) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Page.javascriptDialogOpening" -> {
          synchronized (dialogs) {
            dialogs.add(p.path("message").asText());
          }
          call("Page.handleJavaScriptDialog", q -> q.put("accept", true));
        }
        case "Runtime.exceptionThrown" -> error("exception: " + p.path("exceptionDetails").toString());
        case "Runtime.consoleAPICalled" -> {
          if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
            error("console." + p.path("type").asText() + ": " + p.path("args").toString());
          }
        }
        case "Log.entryAdded" -> {
          if (p.path("entry").path("level").asText().equals("error")) {
            error("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
          }
        }
        default -> { }
      }
    } catch (IOException e) {
      error("unreadable DevTools message: " + text);
    }
  }

  private void error(String e) {
    synchronized (errors) {
      errors.add(e);
    }
  }

  /** Sends a command and waits for its result. */
  public JsonNode call(String method, Consumer<ObjectNode> params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    params.accept(msg.putObject("params"));
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    calls.put(id, result);
    socket.send(msg.toString());
    return result.orTimeout(LIMIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** Navigates and waits for the load event. */
  public void open(String url) {
    loaded = new CompletableFuture<>();
    call("Page.navigate", p -> p.put("url", url));
    loaded.orTimeout(LIMIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** The value of a JavaScript expression in the page. */
  public JsonNode eval(String expression) {
    JsonNode r = call("Runtime.evaluate", p -> p.put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      fail("evaluating " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** The whole page, as tall as it is (at most 6000 px), at the given width. */
  public void screenshot(Path png, int width) throws IOException {
    call("Emulation.setDeviceMetricsOverride", p -> p.put("width", width).put("height", 1000)
        .put("deviceScaleFactor", 1).put("mobile", false));
    int height = (int) Math.min(6000, Math.ceil(eval("document.documentElement.scrollHeight").asDouble()));
    call("Emulation.setDeviceMetricsOverride", p -> p.put("width", width).put("height", height)
        .put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = call("Page.captureScreenshot", p -> p.put("format", "png"));
    Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** Console errors, uncaught exceptions and error log entries (CSP violations among them) so far. */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  public List<String> dialogs() {
    synchronized (dialogs) {
      return List.copyOf(dialogs);
    }
  }

  /**
   * Stops the browser and its helper processes, and waits for all of them: a renderer or network
   * process that outlives the browser can still be writing to the profile while the test's
   * temporary directory is being deleted.
   */
  @Override
  public void close() {
    socket.close(1000, "done");
    List<ProcessHandle> helpers = process.descendants().toList(); // once it exits they are orphans
    stop(process.toHandle());
    helpers.forEach(HeadlessChromium::stop);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static void stop(ProcessHandle p) {
    p.destroy();
    try {
      p.onExit().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      p.destroyForcibly();
      p.onExit().completeOnTimeout(p, LIMIT.toSeconds(), TimeUnit.SECONDS).join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
