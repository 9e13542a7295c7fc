package dev.sitepulse.crawler.links;

import java.util.List;
import java.util.Set;

/**
 * The threads a link check starts, sitepulse's own (the pingers', the fetchers', the pacing's),
 * which a stop leaves to end on their own: a request under way when it was stopped ends later, on
 * one of them, and so does whatever that request's end leads to. A test that looks at what was
 * asked after the stop waits for them first; looking at once, it would pass however much they
 * asked. Their pools are shut down by the time the check returns, so each ends once its work
 * does; one left running makes the test meet its timeout.
 */
final class CheckThreads {

  private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

  /** Made before the check starts: the threads alive now are not its own. */
  CheckThreads() {}

  /** Waits until every sitepulse thread started since this was made has ended, those they started too. */
  void awaitEnded() throws InterruptedException {
    for (List<Thread> left = started(); !left.isEmpty(); left = started()) {
      for (Thread t : left) {
        t.join();
      }
    }
  }

  private List<Thread> started() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("sitepulse-") && !before.contains(t)).toList();
  }
}
