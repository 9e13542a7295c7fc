package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.config.ConfigException;
import dev.sitepulse.pinger.watch.ListenAddress;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the config on SIGHUP or when its file changes, on threads of its own. A new config is
 * read and validated in full first: one that fails leaves the running one in place and logs the
 * one-line error, file and line included. Only the plan can change while running; a listen
 * address, data folder or retention other than the watch started with is named as needing a restart.
 */
final class ConfigReloader implements AutoCloseable {

  /** What a reload did: applied the new config, or kept the old one for the reason given. */
  record Outcome(boolean applied, String error) {}

  /** Edits come in bursts (truncate, write, rename); the file is read once they settle. */
  private static final long SETTLE_MILLIS = 200;
  /**
   * The longest a burst is waited out: events name any file of the folder, and one written all the
   * time there (the watch's own log, {@code 2> watch.log} beside the config) never lets it settle.
   */
  static final long MOST_SETTLE_MILLIS = 1000;

  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  private final Path file;
  private final ListenAddress listenOverride;
  private final Path dataOverride;
  private final Consumer<WatchSettings> apply;
  /** What the watch started with: its listen address, data folder and retention hold until a restart. */
  private final WatchSettings started;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-config"));
  private WatchService files;
  private Thread watcher;
  /** The folders followed, each with its key, which a deleted folder's becomes invalid. */
  private final Map<Path, WatchKey> watching = new HashMap<>();
  /** What the file was when last looked at, so an event about anything else beside it is no reload. */
  private FileVersion seen;

  ConfigReloader(Path file, WatchSettings running, ListenAddress listenOverride, Path dataOverride,
      Consumer<WatchSettings> apply) {
    this.file = file;
    this.started = running;
    this.listenOverride = listenOverride;
    this.dataOverride = dataOverride;
    this.apply = apply;
  }

  /**
   * Starts following the file; where the platform cannot, SIGHUP still works. A config that is a
   * symlink is followed too: to where it points, which an edit there changes, and through its
   * links, which a swap changes (as Kubernetes updates a mounted ConfigMap: by renaming a link
   * {@code ..data} beside the file, so no event names the file itself).
   */
  void watchFile() {
    try {
      files = FileSystems.getDefault().newWatchService();
      seen = FileVersion.of(file);
      watchFolders();
    } catch (IOException | UnsupportedOperationException e) {
      log.warn("cannot follow changes to {} ({}); reload with SIGHUP", file, e.getMessage());
      return;
    }
    watcher = Threads.daemonNamed("sitepulse-config-watch").newThread(this::follow);
    watcher.start();
  }

  /**
   * Watches each folder the file's links go through, and the real file's: once each, and again
   * where a folder was deleted and made anew.
   */
  private void watchFolders() throws IOException {
    for (Path folder : FileVersion.foldersOf(file)) {
      WatchKey key = watching.get(folder);
      if (key == null || !key.isValid()) {
        watching.put(folder, folder.register(files, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_CREATE));
      }
    }
  }

  private void follow() {
    Path name = file.getFileName();
    try {
      while (true) {
        boolean named = named(files.take(), name);
        // Let a burst of events settle, so a half-written file is not read; one that has not
        // settled by the deadline is looked at all the same: a write of the file still under way
        // then is reloaded again in the next burst.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_SETTLE_MILLIS);
        for (long wait; (wait = settleWait(deadline)) > 0; ) {
          WatchKey more = files.poll(wait, TimeUnit.NANOSECONDS);
          if (more == null) {
            break;
          }
          named |= named(more, name);
        }
        // An event naming the file is an edit, even one that keeps its size within the time
        // stamps' resolution (a second on some file systems); a swap of a link names no file.
        FileVersion now = FileVersion.of(file);
        if (named || !now.equals(seen)) {
          seen = now;
          request("file changed");
        }
        try {
          watchFolders(); // a swap may lead somewhere new
        } catch (IOException e) {
          log.warn("cannot follow changes to {} any more ({}); reload with SIGHUP", file, e.getMessage());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException stop) {
      // closed
    }
  }

  /** How long to wait for the next event of a burst: a pause, or up to the deadline if sooner; 0 past it. */
  private static long settleWait(long deadline) {
    return Math.max(0, Math.min(TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS), deadline - System.nanoTime()));
  }

  private static boolean named(WatchKey key, Path name) {
    boolean named = false;
    for (WatchEvent<?> e : key.pollEvents()) {
      named |= name.equals(e.context());
    }
    key.reset();
    return named;
  }

  /**
   * Queues a reload on the reloader's thread; safe from a signal handler. Once closed, none: a file
   * event taken just before close, or a SIGHUP during the watch's stop, is then no reload.
   */
  Future<Outcome> request(String why) {
    try {
      return worker.submit(() -> reload(why));
    } catch (RejectedExecutionException closed) {
      return CompletableFuture.completedFuture(new Outcome(false, "the watch is stopping"));
    }
  }

  /** Reads, validates and applies the file; blocking, one reload at a time. */
  synchronized Outcome reload(String why) {
    WatchSettings next;
    try {
      next = WatchSettings.from(SitepulseConfig.reread(file), file.toString(), listenOverride, dataOverride);
    } catch (ConfigException e) {
      return kept(why, e.getMessage());
    } catch (RuntimeException e) {
      return kept(why, file + ": " + unexpected(e)); // a bug, but the watch must go on and say so
    }
    List<String> waiting = new ArrayList<>();
    if (!next.listen().equals(started.listen())) {
      waiting.add("listen");
    }
    if (!next.data().equals(started.data())) {
      waiting.add("data");
    }
    if (!Objects.equals(next.retention(), started.retention())) {
      waiting.add("retention");
    }
    if (!waiting.isEmpty()) {
      log.warn("config reload ({}): {} on restart", why, inWords(waiting)
          + (waiting.size() == 1 ? " takes effect" : " take effect"));
    }
    try {
      apply.accept(next);
    } catch (RuntimeException e) {
      // The watch takes a plan in steps (settings, webhooks, targets); it cannot be said to be the old one.
      String error = unexpected(e);
      log.error("config reload ({}) failed while being applied, part of it may be in use: {}", why, error);
      return new Outcome(false, error);
    }
    log.info("config reloaded ({}): {}", why, Amounts.count(next.plan().targets().size(), "target"));
    return new Outcome(true, null);
  }

  /** "data", "listen and data", "listen, data and retention" */
  private static String inWords(List<String> keys) {
    int last = keys.size() - 1;
    return last == 0 ? keys.get(0) : String.join(", ", keys.subList(0, last)) + " and " + keys.get(last);
  }

  /** Logged in full for -v; what the reload says is its one line. */
  private static String unexpected(RuntimeException e) {
    log.debug("config reload failed", e);
    // The watch applies a plan through a future that is joined: say what failed, not the wrapper.
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return cause.toString();
  }

  private static Outcome kept(String why, String error) {
    log.error("config reload ({}) failed, still running the previous config: {}", why, error);
    return new Outcome(false, error);
  }

  @Override
  public void close() {
    if (files != null) { // first: no event is taken after it
      try {
        files.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    worker.shutdownNow();
  }
}
