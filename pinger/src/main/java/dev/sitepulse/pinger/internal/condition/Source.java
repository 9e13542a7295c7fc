package dev.sitepulse.pinger.internal.condition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitepulse.pinger.Observation;

/**
 * A placeholder with what follows it: a header name for {@code [HEADER].Name}, a JSON path for
 * {@code [BODY].path}.
 *
 * @param headerName set only for {@link Placeholder#HEADER}
 * @param path set only for {@link Placeholder#BODY} followed by a path
 */
record Source(Placeholder placeholder, String headerName, JsonPath path) {

  /** Parses e.g. {@code [STATUS]}, {@code [HEADER].Content-Type} or {@code [BODY].checks[0]}. */
  static Source parse(String text) {
    int close = text.indexOf(']');
    if (!text.startsWith("[") || close < 0) {
      throw new InvalidConditionException(
          "expected a placeholder such as [STATUS], or len(...) or has(...), got \"" + text + "\"");
    }
    String name = text.substring(0, close + 1);
    String rest = text.substring(close + 1);
    Placeholder placeholder = Placeholder.named(name);
    if (placeholder == null) {
      throw new InvalidConditionException(Placeholder.whyNot(name));
    }
    if (placeholder == Placeholder.BODY) {
      return new Source(placeholder, null, rest.isEmpty() ? null : JsonPath.parse(rest));
    }
    if (placeholder == Placeholder.HEADER) {
      String headerName = rest.startsWith(".") ? rest.substring(1).trim() : "";
      if (headerName.isEmpty()) {
        throw new InvalidConditionException(
            "[HEADER] needs a header name, as in [HEADER].Content-Type");
      }
      return new Source(placeholder, headerName, null);
    }
    if (!rest.isEmpty()) {
      throw new InvalidConditionException("unexpected \"" + rest + "\" after " + name);
    }
    return new Source(placeholder, null, null);
  }

  /** The body's JSON array, which len([BODY]) counts as Gatus does, or null when it is none. */
  private static JsonNode arrayIn(String body) {
    if (!body.startsWith("[") || !body.endsWith("]")) {
      return null;
    }
    JsonNode root = JsonBody.parse(body).root();
    return root != null && root.isArray() ? root : null;
  }

  Reading read(Observation observation) {
    String value = placeholder.read(observation, headerName);
    if (path == null && placeholder == Placeholder.BODY) {
      // As Gatus reads it: the "OK\n" most health endpoints send is OK.
      String body = value.strip();
      return Reading.of(body, arrayIn(body));
    }
    if (path == null) {
      return Reading.of(value, placeholder.kind() == Placeholder.Kind.NUMBER
          || placeholder.kind() == Placeholder.Kind.MILLIS);
    }
    JsonBody.Parsed body = JsonBody.parse(value);
    // The cut, not the server, is to blame. (The CLI refuses body conditions under max-body 0;
    // a Pinger made through the API may still have them.)
    if (body.root() == null && observation.bodyTruncated()) {
      return Reading.bodyNotJson(value.isEmpty() ? "body not read (max-body is 0)"
          : "body cut at max-body, not whole JSON: \"" + ActualValue.shorten(value) + "\"");
    }
    if (body.root() == null) {
      return Reading.bodyNotJson(body.whyNot());
    }
    JsonNode node = path.find(body.root());
    return node == null ? Reading.pathNotFound() : Reading.of(node);
  }
}
