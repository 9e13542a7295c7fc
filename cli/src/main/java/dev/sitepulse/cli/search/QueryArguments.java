package dev.sitepulse.cli.search;

import dev.sitepulse.cli.OptionHint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A search's command line with its query words moved after {@code --}, options left before it.
 * A query word may start with '-' ({@code asyncio -deprecated}, {@code -host:example.org}), and
 * picocli reads any argument starting with {@code -h}, {@code -v} or {@code -V} as those short
 * options, clustered or not: {@code -host:x} printed the help and exited 0. So a single-dash
 * argument that is not exactly an option's name (or {@code name=value}) is a word here; one with
 * two dashes is left to picocli, which names an unknown one ({@code --limt}: did you mean
 * --limit?), and one that is no typo is most likely a word ({@link #unknownOption}); after
 * {@code --} everything is a word, as before.
 */
public final class QueryArguments {

  /** Words a shell passes on as they are written; any other gets single quotes in a hint. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.,:/=+@%-]+");

  private QueryArguments() {}

  /**
   * The arguments with those after {@code args[command]} (the search command's name) sorted into
   * options, then {@code --}, then the query words in their order.
   */
  public static String[] wordsLast(String[] args, int command, CommandSpec search) {
    Sorted sorted = sort(args, command, search);
    if (sorted.valueMissing()) {
      return args; // picocli's own error says so, where -- would be its value
    }
    List<String> out = new ArrayList<>(sorted.options());
    if (!sorted.words().isEmpty()) {
      out.add("--");
      out.addAll(sorted.words());
    }
    return out.toArray(String[]::new);
  }

  /**
   * A two-dash argument that names no option, nor one near it ({@code --limt} is --limit mistyped
   * and gets picocli's own error): {@code search --enable-optimizations} is someone looking for a
   * flag in the docs, whom picocli told only that QUERY was missing. Its error says how to search
   * for it; empty when every two-dash argument is an option or near one, or an option lacks its
   * value (picocli's error says so).
   */
  public static Optional<UnknownOption> unknownOption(String[] args, int command, CommandSpec search) {
    Sorted sorted = sort(args, command, search);
    if (sorted.valueMissing()) {
      return Optional.empty();
    }
    return sorted.unknown().stream().filter(arg -> OptionHint.nearest(arg, search).isEmpty()).findFirst()
        .map(unknown -> {
          List<String> line = new ArrayList<>(sorted.options());
          line.removeAll(sorted.unknown());
          line.add("--");
          line.addAll(sorted.query());
          return new UnknownOption(unknown, "Unknown option: '" + unknown + "' (to search for it, put -- before"
              + " the query: " + search.root().name() + " "
              + line.stream().map(QueryArguments::shellWord).collect(Collectors.joining(" ")) + ")");
        });
  }

  /** An argument taken for an unknown option, and the error that says how to search for it. */
  public record UnknownOption(String word, String message) {

    /** Whether picocli's error is about this argument: it unmatched, or the query missing for it. */
    public boolean explains(CommandLine.ParameterException e) {
      return e instanceof CommandLine.UnmatchedArgumentException unmatched
          ? unmatched.getUnmatched().contains(word)
          : e instanceof CommandLine.MissingParameterException missing
              && missing.getMissing().stream().allMatch(ArgSpec::isPositional);
    }
  }

  /**
   * The arguments after the command's name: {@code options} as picocli is to see them (values
   * and unknown two-dash ones included), the query's {@code words}, the {@code unknown} two-dash
   * arguments, and the {@code query} as written, unknown ones in their places.
   */
  private record Sorted(List<String> options, List<String> words, List<String> unknown, List<String> query,
      boolean valueMissing) {}

  private static Sorted sort(String[] args, int command, CommandSpec search) {
    List<String> options = new ArrayList<>(Arrays.asList(args).subList(0, command + 1));
    List<String> words = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> query = new ArrayList<>();
    for (int i = command + 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        List<String> rest = Arrays.asList(args).subList(i + 1, args.length);
        words.addAll(rest);
        query.addAll(rest);
        break;
      }
      String name = arg.split("=", 2)[0];
      OptionSpec option = search.findOption(name);
      // findOption also takes a name without its dashes ("data"), which is a word here
      if (option != null && Arrays.asList(option.names()).contains(name)) {
        options.add(arg);
        if (name.equals(arg) && option.arity().max() > 0) {
          if (i + 1 == args.length) {
            return new Sorted(options, words, unknown, query, true);
          }
          options.add(args[++i]);
        }
      } else if (arg.startsWith("--")) {
        options.add(arg);
        unknown.add(arg);
        query.add(arg);
      } else {
        words.add(arg);
        query.add(arg);
      }
    }
    return new Sorted(options, words, unknown, query, false);
  }

  private static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
