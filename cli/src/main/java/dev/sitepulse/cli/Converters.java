package dev.sitepulse.cli;

import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.config.CircuitBreakerSpec;
import dev.sitepulse.pinger.config.DataSize;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.config.EnumChoices;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.TypeConversionException;

/** Lets options take the same written forms as the config: 10s, 10/s, 1MiB, table, host, 64. */
public final class Converters {
  private Converters() {}

  /**
   * {@code command} with its options set from {@code args}, as sitepulse's command line sets them:
   * the demo runs the very commands it shows.
   */
  public static <T> T parsed(T command, List<String> args) {
    register(new CommandLine(command)).parseArgs(args.toArray(String[]::new));
    return command;
  }

  /**
   * Registers the converters on {@code cli} and the subcommands it has, and lets enum choices be
   * written in any case: picocli copies both to those alone, so every subcommand must be added first.
   */
  static CommandLine register(CommandLine cli) {
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own refusal shouts the choices ([HOST, DOMAIN, ...]); help, docs and config write
    // them in lower case. Every enum, formats included, so a bad choice reads the same everywhere.
    enumTypes(cli).forEach(type -> registerChoice(cli, type));
    cli.registerConverter(Duration.class, strict(Durations::parse));
    cli.registerConverter(Rate.class, strict(Rate::parse));
    cli.registerConverter(DataSize.class, strict(DataSize::parse));
    cli.registerConverter(Pattern.class, strict(Converters::regex));
    cli.registerConverter(CircuitBreakerSpec.class, strict(CircuitBreakerSpec::parse));
    // picocli's own says "'abc' is not an int"; the config's words say what a person would write.
    cli.registerConverter(Integer.class, Converters::wholeNumber);
    cli.registerConverter(int.class, Converters::wholeNumber);
    return cli;
  }

  /** Plain decimal digits, a sign allowed (the option then says what range it takes), as a config reads them. */
  private static Integer wholeNumber(String text) {
    if (!text.matches("[-+]?[0-9]+")) {
      throw new TypeConversionException("expected a whole number, got \"" + text + "\"");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(text + (text.startsWith("-") ? " is too small" : " is too large"));
    }
  }

  /** The enum types of the options and parameters of {@code cli} and its subcommands. */
  private static Set<Class<?>> enumTypes(CommandLine cli) {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (ArgSpec arg : cli.getCommandSpec().args()) {
      for (Class<?> type : arg.auxiliaryTypes()) { // a list's elements, a map's keys and values
        if (type.isEnum()) {
          types.add(type);
        }
      }
    }
    cli.getSubcommands().values().forEach(sub -> types.addAll(enumTypes(sub)));
    return types;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // each type is an enum, as choice needs
  private static void registerChoice(CommandLine cli, Class<?> type) {
    cli.registerConverter((Class) type, choice((Class) type));
  }

  /** Any case in; refused as a config refuses a bad enum value: expected one of a, b, got "c". */
  private static <E extends Enum<E>> ITypeConverter<E> choice(Class<E> type) {
    return text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      throw new TypeConversionException(EnumChoices.refusal(type, text));
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
