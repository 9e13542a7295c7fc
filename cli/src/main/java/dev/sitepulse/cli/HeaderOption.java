package dev.sitepulse.cli;

import dev.sitepulse.pinger.ErrorText;
import dev.sitepulse.pinger.config.HeaderLines;
import dev.sitepulse.pinger.config.InvalidValueException;
import java.util.List;
import java.util.Map;

/** The headers of {@code -H}/{@code --header}, as {@code ping}, {@code crawl} and {@code links} take them. */
public final class HeaderOption {

  /** What a command refuses of a header: {@code name} and {@code value} as typed. */
  @FunctionalInterface
  public interface Check {
    /** @throws InvalidValueException saying what is wrong with it */
    void check(String name, String value);
  }

  private HeaderOption() {}

  /**
   * The headers typed, in order, a later one replacing an earlier of the same name in any case;
   * null when none was.
   *
   * @throws UsageException quoting the header that is wrong, as typed
   */
  public static Map<String, String> parse(List<String> lines, Check check) {
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    Map<String, String> typed = Map.of();
    for (String line : lines) {
      try {
        Map.Entry<String, String> header = HeaderLines.parse(line);
        check.check(header.getKey(), header.getValue());
        typed = HeaderLines.merged(typed, Map.of(header.getKey(), header.getValue()));
      } catch (InvalidValueException e) {
        throw new UsageException("--header " + ErrorText.printable(line) + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--header " + ErrorText.printable(e.getMessage()));
      }
    }
    return typed;
  }
}
