package dev.sitepulse.cli;

import dev.sitepulse.pinger.config.EnumChoices;
import java.util.Iterator;
import java.util.List;

/**
 * An enum option's values in lower case, as help, docs and configs write them, for the completion
 * script: picocli would offer the constants' own upper-case names. A subclass per enum, since
 * picocli makes the candidates from a class with a no-argument constructor.
 */
public abstract class Choices implements Iterable<String> {
  private final List<String> names;

  protected Choices(Class<? extends Enum<?>> type) {
    names = EnumChoices.names(type);
  }

  @Override
  public Iterator<String> iterator() {
    return names.iterator();
  }
}
