package dev.sitepulse.pinger.internal.condition;

/**
 * What the left side takes from its placeholder: the value itself, {@code len(...)} or {@code
 * has(...)}.
 */
enum Measure {
  VALUE {
    @Override
    ActualValue found(Reading reading) {
      return reading.number() ? ActualValue.of(reading.text()) : ActualValue.text(reading.text());
    }

    @Override
    ActualValue pathNotFound() {
      return ActualValue.absent(PATH_NOT_FOUND);
    }
  },

  /**
   * Elements of a JSON array, else characters of the text, which for an object is its compact JSON,
   * as Gatus counts.
   */
  LENGTH {
    @Override
    ActualValue found(Reading reading) {
      String text = reading.text();
      int length =
          reading.node() != null && reading.node().isArray()
              ? reading.node().size()
              : text.codePointCount(0, text.length());
      return ActualValue.of(Integer.toString(length));
    }

    @Override
    ActualValue pathNotFound() {
      // A length of 0 would let len([BODY].items) == 0 pass on a body that lost the field.
      return ActualValue.unusable(PATH_NOT_FOUND);
    }
  },

  /**
   * Whether a JSON path holds a value, as true or false: a null holds none, as in Gatus. The whole
   * body, read without the white space around it, holds one when anything is left, as in Gatus.
   */
  PRESENCE {
    @Override
    ActualValue found(Reading reading) {
      // A path's value is always a node; a whole body has one only when it is an array, never empty.
      boolean wholeBody = reading.node() == null;
      return ActualValue.of(Boolean.toString(wholeBody ? !reading.text().isEmpty() : !reading.node().isNull()));
    }

    @Override
    ActualValue pathNotFound() {
      return ActualValue.of("false");
    }
  };

  private static final String PATH_NOT_FOUND = "JSON path not found in the body";

  abstract ActualValue found(Reading reading);

  abstract ActualValue pathNotFound();

  ActualValue measure(Reading reading) {
    return switch (reading.outcome()) {
      case FOUND -> found(reading);
      case PATH_NOT_FOUND -> pathNotFound();
      case BODY_NOT_JSON -> ActualValue.unusable(reading.text());
    };
  }
}
