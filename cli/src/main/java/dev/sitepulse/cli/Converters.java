package dev.sitepulse.cli;

import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.config.CircuitBreakerSpec;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.format.ResultFormat;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets options take the same written forms as the config: 10s, 10/s, 1MiB, table. */
final class Converters {
  private Converters() {}

  static CommandLine register(CommandLine cli) {
    cli.registerConverter(Duration.class, strict(Durations::parse));
    cli.registerConverter(Rate.class, strict(Rate::parse));
    cli.registerConverter(DataSize.class, strict(DataSize::parse));
    cli.registerConverter(ResultFormat.class, strict(ResultFormat::parse));
    cli.registerConverter(Pattern.class, strict(Converters::regex));
    cli.registerConverter(CircuitBreakerSpec.class, strict(CircuitBreakerSpec::parse));
    return cli;
  }

  private static Pattern regex(String text) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a regular expression: "
          + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** Our parsers' messages already quote the value and show the right form; keep them as they are. */
  private static <T> ITypeConverter<T> strict(Function<String, T> parse) {
    return text -> {
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
  }
}
