package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A response body read as JSON, and JSON values read back as the text conditions compare. */
final class JsonBody {

  // Thread-safe once configured; one for every condition, as mappers are costly to build.
  // Trailing tokens fail so that "{} and more" is not taken for JSON.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    } catch (StreamConstraintsException tooDeep) {
      // Jackson's guard against a stack overflow: the body may well be JSON, only deeper than read.
      return new Parsed(null, "body nests JSON deeper than the "
          + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels conditions read");
    } catch (JsonProcessingException notJson) {
      // below
    }
    return new Parsed(null, "body is not JSON: \"" + ActualValue.shorten(body) + "\"");
  }

  /** Strings without quotes; numbers, booleans and null as written; objects and arrays as JSON. */
  static String textOf(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
