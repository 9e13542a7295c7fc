package dev.sitepulse.crawler.index;

import java.util.Locale;
import java.util.Set;

/**
 * Names that a definition term without an id defines at its section ({@code parse.SectionTerm}):
 * Sphinx writes {@code :noindex:} entries so, the tutorial's {@code list.append(x)} under "More on
 * Lists", where the entry says that the name's definition is elsewhere. Each is kept after
 * {@code §} ({@code §list.append}), a term apart from the names ids are, so that search weighs it
 * as a definition only where no page defines the name by an id: stdtypes' {@code list.sort} is
 * list.sort's, and the tutorial's entry of it no definition.
 */
public final class SectionNames {
  private static final String PREFIX = "§";

  private SectionNames() {}

  /** The term of {@code name} (lower-cased, as the index keeps names); null for no identifier. */
  public static String term(String name) {
    return ApiNames.isIdentifier(name) ? PREFIX + name : null;
  }

  /** The term of a name as the term writes it, unless the page defines it otherwise too: null then. */
  static String of(String name, Set<String> pageTerms) {
    String lower = name.toLowerCase(Locale.ROOT);
    String prefixed = PrefixedNames.term(lower);
    boolean elsewhere = pageTerms.contains(lower) || prefixed != null && pageTerms.contains(prefixed);
    return elsewhere ? null : term(lower);
  }
}
