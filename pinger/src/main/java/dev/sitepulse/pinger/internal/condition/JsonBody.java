package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
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

  /** The body as a JSON tree, or null when it is empty or not JSON. */
  static JsonNode parseOrNull(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      return root == null || root.isMissingNode() ? null : root;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** Strings without quotes; numbers, booleans and null as written; objects and arrays as JSON. */
  static String textOf(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
