package dev.sitepulse.crawler.index;

/**
 * How deep in its crate an item rustdoc documents is: {@code std::fs} has 2 parts,
 * {@code std::os::unix::fs} 4. Every such item defines its own name, so a search for {@code fs}
 * had four platforms' extension modules, short pages that say fs often, before the module
 * everyone means; rustdoc's own search lists the shorter path first. The {@code anchors} term
 * {@code fs@2} tells search which pages hold the shallowest item of a name.
 */
public final class ItemDepth {
  /**
   * Longer paths are not marked: std's deepest modules have 5 parts. One digit, so that the terms
   * of a name sort by depth and search finds the shallowest with one seek.
   */
  public static final int MAX_PARTS = 9;

  private ItemDepth() {}

  /**
   * The term for an item named {@code name}, in its own case, whose path has {@code parts} parts:
   * the module {@code std::vec} is {@code vec@2}, the struct {@code std::vec::Vec} {@code Vec@3},
   * so that {@code Vec} still finds the struct first. No id is such a term ({@link ApiNames} takes
   * no {@code @}).
   */
  public static String term(String name, int parts) {
    return prefix(name) + parts;
  }

  /** What each of {@code name}'s terms starts with, and no other name's. */
  public static String prefix(String name) {
    return name + "@";
  }
}
