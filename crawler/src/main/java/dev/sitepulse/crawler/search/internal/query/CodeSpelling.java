package dev.sitepulse.crawler.search.internal.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query as code writes names, read as the classic grammar can take it. Rust's and C++'s path
 * separator is a dot: {@code HashMap::entry} is {@code HashMap.entry}, the name as the index knows
 * it ({@link dev.sitepulse.crawler.search.internal.ranking.DefinedNames}), where the grammar took
 * "HashMap" for a field and failed on the second colon. A call's empty brackets make the name a
 * phrase: {@code IndexWriter.commit()} reads as {@code "IndexWriter.commit()"}, where the grammar
 * failed on an empty group; quoted, the name still counts as called. Both only right after a name's
 * characters, and outside phrases, regular expressions, ranges and escapes: {@code title:x} is a
 * field still, a quoted "HashMap::entry" the text as written, and {@code title:commit()} becomes
 * {@code title:"commit()"}. A command line's long option, {@code --release} or
 * {@code --no-default-features} at a word's start (also in a group or after a field:
 * {@code (--release)}, {@code title:--release}), is quoted as well: the grammar took its first dash
 * for an exclusion and refused the second, and {@code cargo build --release}, as the books write
 * it, was an error. A query of operator words alone ({@code OR}, {@code NOT}, {@code AND OR})
 * leaves them nothing to join or exclude, so none can be an operator: each is read as the word, as
 * if quoted, where the grammar refused the query. Rust names methods so ({@code Option::or},
 * {@code ops::Not}). A host's port, {@code host:127.0.0.1:8092}, has its colon escaped, as the
 * grammar would otherwise take the host for a second field's name ({@link HostPorts}).
 */
public final class CodeSpelling {

  /**
   * The query as the grammar reads it.
   *
   * @param typedAt for each character of {@code text}, where it stands in the query as typed (an
   *     added quote, where the character after it does), so that an error's column is the user's
   */
  public record Reading(String typed, String text, int[] typedAt) {
    public boolean changed() {
      return !text.equals(typed);
    }

    /**
     * The query as typed with {@code corrections} of {@link #text} made to it: only the part of a
     * name between its dots that a correction changes is replaced, so a {@code ::} typed for a
     * dot, and the quotes a call was read in, stay as typed.
     */
    public String typedWith(List<Correction> corrections) {
      List<Correction> inTyped = new ArrayList<>();
      for (Correction c : corrections) {
        String[] was = text.substring(c.start(), c.end()).split("\\.", -1);
        String[] is = c.written().split("\\.", -1);
        if (was.length != is.length) {
          inTyped.add(new Correction(typedIndex(c.start()), typedIndex(c.end()), c.written()));
          continue;
        }
        int start = c.start();
        for (int part = 0; part < was.length; part++) {
          int end = start + was[part].length();
          if (!was[part].equals(is[part])) {
            inTyped.add(new Correction(typedIndex(start), typedIndex(end), is[part]));
          }
          start = end + 1;
        }
      }
      return Correction.applied(typed, inTyped);
    }

    /**
     * The paths typed with {@code ::}, each as typed under the dotted name the grammar reads it
     * as: {@code Vec::new} under {@code Vec.new}. The index knows the name dotted, but the text of
     * a page that writes the path has its words: prose and code that say {@code Vec::new} (The
     * Rust Programming Language, which defines no names) are found by the path as typed.
     */
    public Map<String, String> paths() {
      Map<String, String> paths = new HashMap<>();
      Matcher path = PATH.matcher(typed);
      while (path.find()) {
        paths.put(path.group().replace("::", "."), path.group());
      }
      return paths;
    }

    /** Whether the character at {@code index} of {@link #text} was typed in a {@link #paths path}. */
    public boolean inPath(int index) {
      int at = typedIndex(index);
      Matcher path = PATH.matcher(typed);
      while (path.find()) {
        if (path.start() <= at && at < path.end()) {
          return true;
        }
      }
      return false;
    }

    /** Where the character at {@code index} of {@link #text} was typed; the end for the end. */
    private int typedIndex(int index) {
      return index < typedAt.length ? typedAt[index] : typed.length();
    }

    /** The 1-based column in the typed query of the 1-based {@code column} in {@link #text}; -1 stays. */
    public int typedColumn(int column) {
      return column < 1 ? column : column > typedAt.length ? typed.length() + 1 : typedAt[column - 1] + 1;
    }
  }

  /**
   * Names joined by {@code ::}, as {@link #read} spells them with dots. A match starts only where a
   * name does, and no part gives back characters: else a long word with no {@code ::} was tried
   * from each of its characters to its end, and a pasted 10,000-letter word took a second.
   */
  private static final Pattern PATH =
      Pattern.compile("(?<![\\p{L}\\p{N}_])[\\p{L}\\p{N}_]++(?:::[\\p{L}_][\\p{L}\\p{N}_]*+)+");

  private static final Pattern WORD = Pattern.compile("\\S+");

  private CodeSpelling() {}

  /** Whether the query's words are all the grammar's operators written as words, AND, OR and NOT. */
  private static boolean onlyOperators(String query) {
    Matcher word = WORD.matcher(query);
    boolean any = false;
    while (word.find()) {
      if (!PageQueryParser.OPERATORS.contains(word.group())) {
        return false;
      }
      any = true;
    }
    return any;
  }

  public static Reading read(String query) {
    Builder out = new Builder(query);
    if (onlyOperators(query)) {
      Matcher word = WORD.matcher(query);
      while (word.find()) {
        out.copyTo(word.start()).add('"', word.start());
        out.copyTo(word.end()).add('"', word.end());
      }
      return out.copyTo(query.length()).reading();
    }
    OutsideText.walk(query, i -> {
      char c = query.charAt(i);
      if (c == ':' && HostPorts.portColonAt(query, i)) { // host:127.0.0.1:8092: one value, as a seed writes it
        out.copyTo(i).add('\\', i);
        return i;
      } else if (c == ':' && i > 0 && isNamePart(query.charAt(i - 1)) && query.startsWith("::", i)
          && i + 2 < query.length() && isNameStart(query.charAt(i + 2))) {
        out.copyTo(i).add('.', i);
        out.skip(2);
        return i + 1;
      } else if (c == '(' && i > 0 && isNamePart(query.charAt(i - 1)) && query.startsWith("()", i)) {
        out.copyTo(i).quoteName();
        out.copyTo(i + 2).add('"', i + 2);
        return i + 1;
      } else if (c == '-' && startsWord(query, i) && query.startsWith("--", i)
          && i + 2 < query.length() && isNamePart(query.charAt(i + 2))) {
        int end = i + 2;
        while (end < query.length() && isOptionPart(query.charAt(end))) {
          end++;
        }
        out.copyTo(i).add('"', i);
        out.copyTo(end).add('"', end);
        return end - 1;
      }
      return i;
    });
    return out.copyTo(query.length()).reading();
  }

  /** The text read so far, and where each of its characters was typed. */
  private static final class Builder {
    private final String typed;
    private final StringBuilder text;
    private int[] typedAt;
    private int copied; // typed[0, copied) is in text

    Builder(String typed) {
      this.typed = typed;
      this.text = new StringBuilder(typed.length() + 8);
      this.typedAt = new int[typed.length() + 8];
    }

    Builder copyTo(int end) {
      for (; copied < end; copied++) {
        add(typed.charAt(copied), copied);
      }
      return this;
    }

    Builder add(char c, int at) {
      insert(text.length(), c, at);
      return this;
    }

    void skip(int chars) {
      copied += chars;
    }

    /** Opens a quote before the dotted name the text ends with. */
    void quoteName() {
      int start = text.length();
      while (start > 0 && (isNamePart(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
        start--;
      }
      insert(start, '"', typedAt[start]);
    }

    private void insert(int index, char c, int at) {
      if (text.length() == typedAt.length) {
        typedAt = Arrays.copyOf(typedAt, typedAt.length * 2);
      }
      System.arraycopy(typedAt, index, typedAt, index + 1, text.length() - index);
      typedAt[index] = at;
      text.insert(index, c);
    }

    Reading reading() {
      return new Reading(typed, text.toString(), Arrays.copyOf(typedAt, text.length()));
    }
  }

  /**
   * Whether a word starts at {@code i} as the grammar reads words: at the query's start, after
   * white space, after a group's opening bracket ({@code (--release)}) or after a field's colon
   * ({@code title:--release}).
   */
  private static boolean startsWord(String query, int i) {
    if (i == 0) {
      return true;
    }
    char before = query.charAt(i - 1);
    return Character.isWhitespace(before) || before == '('
        || before == ':' && i > 1 && isNamePart(query.charAt(i - 2));
  }

  private static boolean isNamePart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** What a long option is written with: --target-dir, --features=serde,derive, --jobs=4. */
  private static boolean isOptionPart(char c) {
    return isNamePart(c) || c == '-' || c == '=' || c == '.' || c == ',';
  }

  private static boolean isNameStart(char c) {
    return c == '_' || Character.isLetter(c);
  }
}
