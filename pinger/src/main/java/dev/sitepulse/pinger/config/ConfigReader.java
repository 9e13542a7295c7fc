package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sitepulse.pinger.ErrorText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML config into immutable records, strictly: unknown keys, wrong types and bad values
 * fail with a one-line {@link ConfigException} naming file, line and key path, before anything
 * starts. Keys are kebab-case ({@code max-body}); {@code ${ENV}} references are substituted.
 */
public final class ConfigReader {

  private static final Logger log = LoggerFactory.getLogger("sitepulse.config");

  /**
   * Where warnings go unless the caller says: the {@code sitepulse.config} logger, at WARN. Each is
   * one line, {@code FILE:LINE:COLUMN: key.path: problem}, as a {@link ConfigException}'s message.
   */
  public static final Consumer<String> LOGGED = warning -> log.warn("{}", warning);

  /** SnakeYAML's guard against huge documents is 3 MB; 60,000 targets take more. */
  private static final int MAX_CODE_POINTS = ConfigText.MAX_BYTES;

  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
              // as new YAMLFactory() has it: "timeout:" with nothing after it is null, not ""
              .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
              .build())
          .registerModule(ValueDeserializers.module())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // KeyScan catches them first
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS); // scope: host, as people write it

  private ConfigReader() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    return options;
  }

  public static <T> T read(Path file, Class<T> type) {
    return read(file, type, value -> { });
  }

  /**
   * Reads as {@link #read(Path, Class)} does, then runs {@code check} on what was read: a check of
   * keys that only the caller can make, such as one the command line may still satisfy. The
   * {@link InvalidValueException} it throws names a key path ({@code crawl.scope}), and the error
   * is placed at that key's value as the records' own are.
   */
  public static <T> T read(Path file, Class<T> type, Consumer<? super T> check) {
    return read(file, type, check, LOGGED);
  }

  /**
   * Reads as {@link #read(Path, Class, Consumer)} does, handing each warning (a condition no
   * response can meet) to {@code warnings}: a command prints them as its other notes.
   */
  public static <T> T read(Path file, Class<T> type, Consumer<? super T> check, Consumer<String> warnings) {
    return read(ConfigText.read(file), file.toString(), type, System.getenv(), check, warnings);
  }

  public static <T> T read(String text, String fileName, Class<T> type, Map<String, String> env) {
    return read(text, fileName, type, env, value -> { }, LOGGED);
  }

  private static <T> T read(String text, String fileName, Class<T> type, Map<String, String> env,
      Consumer<? super T> check, Consumer<String> warnings) {
    if (text.length() > MAX_CODE_POINTS) {
      throw new ConfigException(fileName + ": larger than a config may be (" + (MAX_CODE_POINTS >> 20) + " MB)");
    }
    String yaml = EnvSubstitution.apply(text, env, fileName);
    LongLines.check(yaml, fileName);
    KeyScan.Places places;
    try (JsonParser p = YAML.getFactory().createParser(yaml)) {
      places = scan(p, type, fileName);
    } catch (KeyScan.Problem bad) {
      String prefix = bad.path.isEmpty() ? "" : bad.path + targetName(bad.path, yaml) + ": ";
      throw new ConfigException(where(fileName, bad.location) + prefix + bad.getMessage());
    } catch (IOException e) {
      throw notYaml(e, fileName, yaml);
    }
    Map<String, String> warned = new LinkedHashMap<>();
    T value;
    try {
      value = YAML.readerFor(type).withAttribute(ValueDeserializers.WARNINGS, warned).readValue(yaml);
    } catch (JsonMappingException e) {
      String record = KeyPath.of(e.getPath());
      String path = record;
      boolean aboutKey = false;
      if (e.getCause() instanceof InvalidValueException bad) {
        path = path.isEmpty() ? bad.key() : path + "." + bad.key();
        aboutKey = bad.aboutKey();
      }
      // Jackson places type errors on the value itself, but constructor errors at the mapping's end:
      // past the entry, on the next one or beyond the file. They go to the value too (or the key,
      // when it is what is wrong); a key the file lacks (url is required) has no place of its own,
      // so the entry it is missing from is named where it starts.
      JsonLocation at = e.getLocation();
      if (e instanceof ValueInstantiationException) {
        JsonLocation own = places.of(path, aboutKey);
        JsonLocation entry = places.of(record, false);
        at = own != null ? own : entry != null ? entry : at;
      }
      throw new ConfigException(where(fileName, at) + describe(e, path, yaml), e);
    } catch (IOException e) {
      throw notYaml(e, fileName, yaml);
    }
    try {
      check.accept(value);
    } catch (InvalidValueException bad) {
      throw new ConfigException(where(fileName, places.of(bad.key(), bad.aboutKey())) + bad.key() + targetName(bad.key(), yaml)
          + ": " + firstLine(bad.getMessage()), bad);
    }
    warned.forEach((path, warning) ->
        warnings.accept(where(fileName, places.of(path, false)) + path + targetName(path, yaml) + ": " + warning));
    return value;
  }

  /**
   * {@link KeyScan#scan}, and a list or mapping nested past Jackson's limit refused where it
   * opens: Jackson's StreamConstraintsException names no place, the parser is still there.
   * KeyScan reads every event first, so the records' reading never meets the limit.
   */
  private static KeyScan.Places scan(JsonParser p, Class<?> type, String fileName)
      throws IOException, KeyScan.Problem {
    try {
      return KeyScan.scan(p, type);
    } catch (StreamConstraintsException tooDeep) {
      throw new ConfigException(where(fileName, p.currentTokenLocation()) + "not valid YAML: " + yamlProblem(tooDeep), tooDeep);
    }
  }

  private static ConfigException notYaml(IOException e, String fileName, String yaml) {
    JsonLocation at = location(e, yaml);
    String tab = SeparatingTab.problem(yaml, at);
    return new ConfigException(where(fileName, at) + "not valid YAML: " + (tab != null ? tab : yamlProblem(e))
        + UnquotedCondition.hint(yaml, at), e);
  }

  /**
   * Where SnakeYAML found the problem, unless that is the end of the file. Jackson's location is
   * where the token SnakeYAML was scanning began: right for a quote or bracket never closed, but for
   * a tab that indents line 4 it named the end of line 3.
   */
  private static JsonLocation location(IOException e, String yaml) {
    int end = yaml.codePointCount(0, yaml.length()); // SnakeYAML's marks count code points
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null && m.getProblemMark().getIndex() < end) {
        return new JsonLocation(null, -1, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
      }
    }
    return e instanceof JsonProcessingException j ? j.getLocation() : null;
  }

  /** SnakeYAML says what it was doing and what it found; both together make the sentence. */
  private static String yamlProblem(IOException e) {
    if (e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).contains("nesting depth")) {
      // Jackson's words name its setting, StreamReadConstraints.getMaxNestingDepth(), not the file's fault.
      return "it nests lists and mappings more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels deep";
    }
    if (e instanceof JsonProcessingException j && String.valueOf(j.getOriginalMessage()).startsWith("Expected a field name")) {
      return "a key must be text, not a list or mapping"; // Jackson's words end in a SnakeYAML event's toString
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        String context = m.getContext() == null ? "" : m.getContext() + ": ";
        return context + firstLine(m.getProblem());
      }
    }
    return firstLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
  }

  private static String where(String file, JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return file + ": ";
    }
    return file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": ";
  }

  private static String describe(JsonMappingException e, String path, String yaml) {
    String prefix = path.isEmpty() ? "" : path + targetName(path, yaml) + ": ";
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return prefix + firstLine(e.getCause().getMessage());
    }
    if (e instanceof InvalidFormatException bad && bad.getTargetType() == Pattern.class) {
      return prefix + "not a regular expression: " + regexProblem(String.valueOf(bad.getValue()));
    }
    if (e instanceof InvalidFormatException bad && bad.getTargetType() != null
        && bad.getTargetType().isEnum()) {
      return prefix + EnumChoices.refusal(bad.getTargetType(), bad.getValue());
    }
    if (e instanceof InvalidFormatException bad && isPlainType(bad.getTargetType())) {
      return prefix + "expected " + KeyPath.typeName(bad.getTargetType()) + ", got \"" + bad.getValue() + "\"";
    }
    if (e instanceof InvalidFormatException) {
      return prefix + firstLine(e.getOriginalMessage()); // our own value parsers' messages
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return prefix + "expected " + KeyPath.typeName(m.getTargetType());
    }
    return prefix + firstLine(e.getOriginalMessage());
  }

  /** Errors inside a target name it, since a list index alone is hard to find in a long file. */
  private static String targetName(String path, String yaml) {
    java.util.regex.Matcher m = Pattern.compile("^targets\\[(\\d+)]").matcher(path);
    if (!m.find()) {
      return "";
    }
    try {
      JsonNode name = YAML.readTree(yaml).path("targets").path(Integer.parseInt(m.group(1))).path("name");
      return name.isTextual() ? " (target \"" + name.asText() + "\")" : "";
    } catch (IOException unreadable) {
      return "";
    }
  }

  /** Jackson keeps only its own wording of a bad pattern; compiling it again gives the facts. */
  private static String regexProblem(String regex) {
    try {
      Pattern.compile(regex);
      return "invalid";
    } catch (PatternSyntaxException bad) {
      return bad.getDescription() + " near index " + bad.getIndex();
    }
  }

  /**
   * Whether a bad value of this type is told as "expected TYPE, got VALUE": numbers and booleans
   * (and other primitives), where Jackson's own message is too technical to show.
   */
  private static boolean isPlainType(Class<?> type) {
    return type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class);
  }

  /** A message's first line of text; package-private for its test, as no config was seen to need it. */
  static String firstLine(String s) {
    return ErrorText.firstLine(s, "invalid value");
  }
}
