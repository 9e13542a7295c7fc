package dev.sitepulse.cli;

import dev.sitepulse.cli.analyze.AnalyzeCommand;
import dev.sitepulse.cli.links.LinksCommand;
import dev.sitepulse.cli.search.SearchCommand;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.config.CircuitBreakerSpec;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.format.ResultFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    // picocli's own refusal shouts the choices ([HOST, DOMAIN, ...]); help, docs and config write them in lower case.
    cli.registerConverter(Scope.class, choice(Scope.class));
    cli.registerConverter(LinksCommand.External.class, choice(LinksCommand.External.class));
    cli.registerConverter(LinksCommand.Format.class, choice(LinksCommand.Format.class));
    cli.registerConverter(SearchCommand.Format.class, choice(SearchCommand.Format.class));
    cli.registerConverter(AnalyzeCommand.Format.class, choice(AnalyzeCommand.Format.class));
    return cli;
  }

  /** Any case in; refused as a config refuses a bad enum value: expected one of a, b, got "c". */
  private static <E extends Enum<E>> ITypeConverter<E> choice(Class<E> type) {
    return text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      throw new TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
          + ", got \"" + text + "\"");
    };
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
