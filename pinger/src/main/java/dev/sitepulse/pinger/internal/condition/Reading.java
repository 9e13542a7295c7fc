package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a placeholder yielded for one observation, before {@link Measure} turns it into the value
 * that is compared.
 *
 * @param text the value as text; for {@link Outcome#BODY_NOT_JSON} why the body is no JSON tree
 * @param node the JSON node when the value came from a JSON path, or the array a whole body is,
 *     else null
 * @param number whether the value is a number (a status, a time, a JSON number), not text that
 *     may look like one (a JSON string, a header, the body)
 */
record Reading(Outcome outcome, String text, JsonNode node, boolean number) {

  enum Outcome {
    FOUND,
    PATH_NOT_FOUND,
    BODY_NOT_JSON
  }

  static Reading of(String text, boolean number) {
    return new Reading(Outcome.FOUND, text, null, number);
  }

  /** The whole body as text, and the JSON array it is, if it is one. */
  static Reading of(String body, JsonNode array) {
    return new Reading(Outcome.FOUND, body, array, false);
  }

  static Reading of(JsonNode node) {
    return new Reading(Outcome.FOUND, JsonBody.textOf(node), node, node.isNumber());
  }

  static Reading pathNotFound() {
    return new Reading(Outcome.PATH_NOT_FOUND, "", null, false);
  }

  static Reading bodyNotJson(String whyNot) {
    return new Reading(Outcome.BODY_NOT_JSON, whyNot, null, false);
  }
}
