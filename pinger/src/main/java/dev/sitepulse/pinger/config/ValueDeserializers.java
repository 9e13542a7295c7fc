package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.sitepulse.pinger.Condition;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.SchemeHint;
import dev.sitepulse.pinger.ShownUrl;
import dev.sitepulse.pinger.internal.http.UrlMessages;
import dev.sitepulse.pinger.watch.Webhook;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/**
 * Reads the value types of a config from their written forms. A bad value fails here, while the
 * parser still knows the line and the key path.
 */
final class ValueDeserializers {

  /**
   * The attribute under which a read collects warnings, key path to words: values that are read,
   * but are likely not what was meant. {@link ConfigReader} says where each one is.
   */
  static final String WARNINGS = "sitepulse.warnings";

  private ValueDeserializers() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("sitepulse-values");
    m.addDeserializer(Duration.class, of(Duration.class, Durations::parse));
    m.addDeserializer(Rate.class, of(Rate.class, Rate::parse));
    m.addDeserializer(DataSize.class, of(DataSize.class, DataSize::parse));
    m.addDeserializer(Condition.class, of(Condition.class, Condition::parse));
    return m;
  }

  /** Parses a scalar with {@code parse}, whose IllegalArgumentException message becomes the error. */
  static <T> JsonDeserializer<T> of(Class<T> type, Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (type == Condition.class && p.currentToken() == JsonToken.START_ARRAY) {
          // - [STATUS] unquoted: YAML made a list of it
          throw InvalidFormatException.from(p, UnquotedCondition.listAdvice(), null, type);
        }
        if (!p.currentToken().isScalarValue()) {
          return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        String text = p.getValueAsString();
        T value;
        try {
          value = parse.apply(text);
        } catch (IllegalArgumentException e) {
          throw InvalidFormatException.from(p, e.getMessage(), text, type);
        }
        if (value instanceof Condition c && c.whyItCannotHold() != null) {
          warn(p, ctxt, "condition \"" + text + "\" can never hold: " + c.whyItCannotHold());
        }
        return value;
      }
    };
  }

  private static void warn(JsonParser p, DeserializationContext ctxt, String warning) {
    @SuppressWarnings("unchecked")
    Map<String, String> warnings = (Map<String, String>) ctxt.getAttribute(WARNINGS);
    if (warnings != null) {
      warnings.put(KeyPath.of(p.getParsingContext()), warning);
    }
  }

  /**
   * Keeps a URL as written, but only if it is an absolute http(s) URL; an error quotes it without
   * its user:password@.
   */
  static class HttpUrlText extends JsonDeserializer<String> {
    private final UnaryOperator<String> show;

    HttpUrlText() {
      this(ShownUrl::of);
    }

    HttpUrlText(UnaryOperator<String> show) {
      this.show = show;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText().strip();
      if (HttpUrl.parse(text) == null) {
        // http://h:99999/ is an absolute http URL: say that its port (or host) is what is wrong.
        String why = UrlMessages.whyInvalid(text, show);
        String shown = show.apply(text);
        throw InvalidFormatException.from(p, why != null && UrlMessages.namesPortOrHost(why) ? why
            : "\"" + shown + "\" is not an absolute http(s) URL" + SchemeHint.of(shown), shown, String.class);
      }
      return text;
    }
  }

  /** A webhook's URL: an error quotes it as {@link Webhook#redact} shows it, its path and query hidden, tokens and all. */
  static final class WebhookUrlText extends HttpUrlText {
    WebhookUrlText() {
      super(Webhook::redact);
    }
  }
}
