package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A response body read as JSON, and JSON values read back as the text conditions compare. */
final class JsonBody {

  // Thread-safe once configured; one for every condition, as mappers are costly to build.
  // Trailing tokens fail so that "{} and more" is not taken for JSON. Fractions and exponents are
  // read as exact decimals, as conditions compare them: as doubles 1e400 became Infinity and
  // 1.0000000000000001 became 1.0.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private JsonBody() {}

  /**
   * The body read as JSON: its tree, or why it is none.
   *
   * @param whyNot null when {@code root} is the tree, else what a failed condition says of the body
   */
  record Parsed(JsonNode root, String whyNot) {}

  static Parsed parse(String body) {
    if (body.isBlank()) {
      return new Parsed(null, "body is empty, not JSON");
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root != null && !root.isMissingNode()) {
        return new Parsed(root, null);
      }
    } catch (StreamConstraintsException pastALimit) {
      // Jackson's guards against a stack overflow and slow number parsing: the body may well be
      // JSON, only past what is read.
      return new Parsed(null, whyPast(pastALimit));
    } catch (JsonProcessingException notJson) {
      // below
    }
    return new Parsed(null, "body is not JSON: \"" + ActualValue.shorten(body) + "\"");
  }

  private static String whyPast(StreamConstraintsException e) {
    String jackson = String.valueOf(e.getMessage());
    if (jackson.startsWith("Number value length")) {
      return "body has a JSON number longer than the "
          + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters conditions read";
    }
    if (jackson.startsWith("Document nesting depth")) {
      return "body nests JSON deeper than the " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels conditions read";
    }
    return "body is JSON past what conditions read (a string or a name too long)";
  }

  /** Strings without quotes; numbers, booleans and null as written; objects and arrays as JSON. */
  static String textOf(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
