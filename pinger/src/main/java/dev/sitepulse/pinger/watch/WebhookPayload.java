package dev.sitepulse.pinger.watch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.pinger.format.JsonOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The body of a webhook delivery, in the webhook's format. */
final class WebhookPayload {

  private WebhookPayload() {}

  static byte[] of(Webhook.Format format, Alert a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      if (format == Webhook.Format.SLACK) {
        g.writeStringField("text", slack(a));
      } else {
        generic(g, a);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void generic(JsonGenerator g, Alert a) throws IOException {
    g.writeStringField("kind", a.kind().name().toLowerCase(Locale.ROOT));
    g.writeStringField("target", a.target());
    g.writeStringField("url", a.url());
    g.writeStringField("group", a.group());
    g.writeStringField("from", a.from().name());
    g.writeStringField("to", a.to().name());
    g.writeStringField("at", text(a.at()));
    g.writeStringField("since", text(a.since()));
    g.writeStringField("verdict", a.verdict().name());
    if (a.status() > 0) {
      g.writeNumberField("status", a.status());
    } else {
      g.writeNullField("status");
    }
    g.writeStringField("message", a.message());
    g.writeStringField("text", a.text());
  }

  /** Slack reads &, < and > as markup, so they are escaped as its docs ask. */
  private static String slack(Alert a) {
    String icon = switch (a.to()) {
      case UP -> ":large_green_circle:";
      case DEGRADED -> ":large_yellow_circle:";
      case DOWN, UNKNOWN -> ":red_circle:";
    };
    String text = a.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return icon + " " + text;
  }

  /**
   * To the millisecond, as the history keeps it: an alert a later watch sends again (at least once)
   * then reads as the first did, and a receiver can drop the copy by its target and time.
   */
  private static String text(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
