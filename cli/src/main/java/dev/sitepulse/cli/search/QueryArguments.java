package dev.sitepulse.cli.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A search's command line with its query words moved after {@code --}, options left before it.
 * A query word may start with '-' ({@code asyncio -deprecated}, {@code -host:example.org}), and
 * picocli reads any argument starting with {@code -h}, {@code -v} or {@code -V} as those short
 * options, clustered or not: {@code -host:x} printed the help and exited 0. So a single-dash
 * argument that is not exactly an option's name (or {@code name=value}) is a word here; one with
 * two dashes is left to picocli, which names an unknown one ({@code --limt}: did you mean
 * --limit?); after {@code --} everything is a word, as before.
 */
public final class QueryArguments {

  private QueryArguments() {}

  /**
   * The arguments with those after {@code args[command]} (the search command's name) sorted into
   * options, then {@code --}, then the query words in their order.
   */
  public static String[] wordsLast(String[] args, int command, CommandSpec search) {
    List<String> options = new ArrayList<>(Arrays.asList(args).subList(0, command + 1));
    List<String> words = new ArrayList<>();
    for (int i = command + 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        words.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      String name = arg.split("=", 2)[0];
      OptionSpec option = search.findOption(name);
      // findOption also takes a name without its dashes ("data"), which is a word here
      boolean named = option != null && Arrays.asList(option.names()).contains(name);
      if (named || arg.startsWith("--")) {
        options.add(arg);
        if (named && name.equals(arg) && option.arity().max() > 0) {
          if (i + 1 == args.length) {
            return args; // its value missing: picocli's own error says so, where -- would be its value
          }
          options.add(args[++i]);
        }
      } else {
        words.add(arg);
      }
    }
    if (!words.isEmpty()) {
      options.add("--");
      options.addAll(words);
    }
    return options.toArray(String[]::new);
  }
}
