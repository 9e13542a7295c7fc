package dev.sitepulse.cli.search;

import dev.sitepulse.cli.Choices;
import dev.sitepulse.cli.DataOption;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.Terminal;
import dev.sitepulse.cli.UncommittedPages;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.crawler.search.NoCommitException;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchResults;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.DataDirLock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Ranked full-text search (BM25) over what a crawl indexed.",
      "Lucene query syntax: AND/OR/NOT, \"phrases\", title:/host:/url: fields, prefix*."
    },
    footer = {"", "Exit codes: 0 results printed (even none), 2 an index that cannot be read, 3 a malformed query or no index (yet)."})
public final class SearchCommand implements Callable<Integer> {

  /** Output formats of search. */
  public enum Format { TABLE, JSON }

  static final class Formats extends Choices {
    Formats() {
      super(Format.class);
    }
  }

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several words are joined with spaces.")
  List<String> query;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = DataDirLock.DEFAULT_FOLDER, description = "Where the crawl put its index (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most results shown (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Pass over the N best results: --offset 10 with --limit 10 shows the second ten (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Formats.class, description = "table or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    DataOption.requireFolder(data);
    DataOption.requireReadable(data);
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    if (offset < 0) {
      throw new UsageException("--offset must be 0 or more, got " + offset);
    }
    Path index = data.resolve("index");
    if (Files.isRegularFile(index)) { // bad data, not a missing index: advice to crawl would hide it
      throw new UnreadableException(index + " is a file, not an index folder");
    }
    if (!Files.isDirectory(index)) {
      if (Files.isRegularFile(data)) { // crawl --data FILE would refuse it too: no advice to run one
        throw new UsageException("no index in " + data + ": it is a file, and --data names a crawl's folder");
      }
      Path crawlDb = data.resolve(CrawlDb.FILE_NAME);
      // A crawl would refuse to resume a link check's folder, so its advice is --fresh.
      if (Files.exists(crawlDb) && CrawlDb.makerOf(crawlDb) == CrawlDb.Maker.LINK_CHECK) {
        throw new UsageException(data + " holds a link check's crawl.db (sitepulse links --data) and no"
            + " index; build one with sitepulse crawl --fresh --data " + data + " SEED");
      }
      throw new UsageException("no index in " + data + "; run sitepulse crawl --data " + data + " SEED first");
    }
    String q = String.join(" ", query);
    try (PageSearcher searcher = PageSearcher.open(index)) {
      SearchResults results = searcher.search(q, limit, offset);
      PrintStream out = System.out;
      if (format == Format.JSON) {
        SearchJson.write(results, out);
      } else {
        SearchTable.write(results, out, Terminal.colors(out));
      }
      out.flush();
      // Beside the results, not in them: stdout stays what a script reads, 0 hits included.
      results.notes().forEach(note -> System.err.println("sitepulse: " + note));
      return ExitCode.OK;
    } catch (InvalidQueryException e) {
      throw new UsageException(e.getMessage());
    } catch (NoCommitException e) {
      // A crawl commits its first pages a few seconds in. One that ended with none committed may
      // have been stopped sooner, or have run to its end and indexed nothing (its robots.txt
      // answered 500, every fetch failed): its summary said which, and the folder cannot tell.
      boolean crawling = UncommittedPages.crawling(data);
      if (!crawling && e.holdsSegmentFiles()) {
        // Killed before its first commit, or its segments_N deleted: no crawl is writing one. A
        // resume mends both, fetching again what crawl.db says is indexed; with nothing there, damage.
        long pages = UncommittedPages.in(data);
        throw new UnreadableException(pages == 0 ? e.asDamage().getMessage()
            : "nothing in " + data + " is searchable: " + UncommittedPages.said(pages, data, false));
      }
      throw new UsageException(crawling
          ? "nothing in " + data + " is searchable yet: its crawl has not committed its first pages;"
              + " try again in a few seconds"
          : "nothing in " + data + " is searchable: its crawl ended having indexed no page (the summary it"
              + " printed says why); run it again: sitepulse crawl --data " + data + " SEED");
    } catch (UncheckedIOException e) { // a damaged index, one line; it is not the user's input
      throw new UnreadableException(e.getMessage());
    }
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
