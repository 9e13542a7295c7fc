package dev.sitepulse.crawler.search.internal.ranking;

import dev.sitepulse.crawler.index.ApiNames;
import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A query's plain words side by side, and the names they make joined by dots, underscores or
 * nothing ({@link DefinedNames#withSpacedNames} and the like): how people type an API name into
 * a search box. Apart from which joints {@link DefinedNames} asks for and which names it keeps.
 */
final class JoinedRuns {
  /** The longest run of words {@link DefinedNames#withSpacedNames} joins: a.b.c.d is deep for an API name. */
  static final int MAX_SPACED_PARTS = 4;

  /** Words a query is searched for spaced names in: a pasted page must not cost a lookup per run. */
  private static final int MAX_SPACED_WORDS = 64;

  private JoinedRuns() {}

  /**
   * Each way to put a dot or nothing between {@code parts} words that has both, more dots first,
   * then dots after earlier words first: {@code os.path.isfile} before {@code os.pathis.file}.
   */
  static List<String[]> mixedJoints(int parts) {
    List<Integer> ways = new ArrayList<>();
    int all = (1 << parts - 1) - 1; // bit i set: a dot after word i
    for (int dots = 1; dots < all; dots++) {
      ways.add(dots);
    }
    ways.sort(Comparator.comparingInt((Integer dots) -> -Integer.bitCount(dots)).thenComparingInt(dots -> dots));
    List<String[]> mixed = new ArrayList<>(ways.size());
    for (int dots : ways) {
      mixed.add(joints(parts, dots));
    }
    return mixed;
  }

  /** {@code defines} as a lookup that gives a name some page defines, else null. */
  static UnaryOperator<String> asItself(Predicate<String> defines) {
    return name -> defines.test(name) ? name : null;
  }

  /** What stands between each of {@code parts} words: a dot where {@code dots} has bit i set, after word i. */
  static String[] joints(int parts, int dots) {
    String[] joints = new String[parts - 1];
    for (int i = 0; i < joints.length; i++) {
      joints[i] = (dots & 1 << i) != 0 ? "." : "";
    }
    return joints;
  }

  /** An underscore between each of {@code parts} words, as snake case joins a name's words. */
  static String[] underscores(int parts) {
    String[] joints = new String[parts - 1];
    Arrays.fill(joints, "_");
    return joints;
  }

  /** The query's words when it is nothing but two to {@value #MAX_SPACED_PARTS} plain words side by side, else null. */
  static List<String> wordsAlone(String query) {
    List<QueryWords.Word> words = QueryWords.of(query);
    if (words.size() < 2 || words.size() > MAX_SPACED_PARTS || !query.substring(0, words.get(0).start()).isBlank()
        || !query.substring(words.get(words.size() - 1).end()).isBlank()) {
      return null;
    }
    List<String> texts = new ArrayList<>(words.size());
    for (int w = 0; w < words.size(); w++) {
      QueryWords.Word word = words.get(w);
      if (!joinable(word) || word.text().indexOf('.') >= 0
          || w > 0 && !isGap(query.substring(words.get(w - 1).end(), word.start()))) {
        return null;
      }
      texts.add(word.text());
    }
    return texts;
  }

  /**
   * @param asDefined a name as the index knows it, where some page defines it, else null
   * @param jointsOf for a run of that many words, each way to join them to look up, in order
   */
  static List<String> withJoinedRuns(
      String query, List<String> names, UnaryOperator<String> asDefined, IntFunction<List<String[]>> jointsOf) {
    List<String> out = new ArrayList<>(names);
    List<QueryWords.Word> words = QueryWords.of(query);
    int runs = Math.min(words.size(), MAX_SPACED_WORDS);
    for (int first = 0; first < runs && out.size() < DefinedNames.MAX_NAMES; first++) {
      if (!joinable(words.get(first))) {
        continue;
      }
      int end = first + 1; // the run from first: words[first, end) stand side by side
      while (end < words.size() && end - first < MAX_SPACED_PARTS && joinable(words.get(end))
          && isGap(query.substring(words.get(end - 1).end(), words.get(end).start()))) {
        end++;
      }
      for (int last = end; last - first >= 2; last--) {
        for (String[] joints : jointsOf.apply(last - first)) {
          StringBuilder name = new StringBuilder(words.get(first).text());
          for (int w = first + 1; w < last; w++) {
            name.append(joints[w - first - 1]).append(words.get(w).text());
          }
          String defined = out.size() < DefinedNames.MAX_NAMES
              ? asDefined.apply(name.toString().toLowerCase(Locale.ROOT)) : null;
          if (defined != null && !out.contains(defined)) {
            out.add(defined);
          }
        }
      }
    }
    return out;
  }

  /** White space, and the + of a required word ({@code +os +path}): nothing that parts two words. */
  private static boolean isGap(String between) {
    for (int i = 0; i < between.length(); i++) {
      char c = between.charAt(i);
      if (c != '+' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean joinable(QueryWords.Word word) {
    return word.kind() == QueryWords.Kind.PLAIN && word.field() == null && !word.inPhrase() && !word.excluded()
        && ApiNames.isIdentifier(word.text());
  }
}
