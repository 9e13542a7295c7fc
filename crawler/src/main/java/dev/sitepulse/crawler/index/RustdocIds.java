package dev.sitepulse.crawler.index;

import java.util.List;

/**
 * What the ids of a page rustdoc generated define. Rustdoc ids each member by its kind and name
 * ({@code method.entry}, {@code tymethod.next}, {@code structfield.start}; {@code method.fmt-1}
 * for the second of a name), which read as dotted API names that nobody types: "method.entry".
 * Its other ids are furniture and sections ({@code impl-Debug}, {@code examples-24}). The item a
 * page documents has no id: the title names it and its module path, "HashMap in std::collections
 * - Rust", or "std::collections - Rust" for a module.
 */
final class RustdocIds {
  private static final String TITLE_END = " - Rust";
  private static final List<String> FACADE_CRATES = List.of("std", "core", "alloc");
  private static final List<String> MEMBER_KINDS = List.of("method.", "tymethod.", "structfield.", "variant.",
      "associatedtype.", "associatedconstant.");

  private RustdocIds() {}

  /**
   * Whether the page is rustdoc's: its meta generator says so, and every title rustdoc writes ends
   * in " - Rust". The title alone is no proof: a blog post may be called "Ownership - Rust".
   */
  static boolean generated(String title, String generator) {
    return generator != null && generator.startsWith("rustdoc") && title.endsWith(TITLE_END);
  }

  /** The member an id names, {@code entry} for {@code method.entry} or {@code method.entry-1}; else null. */
  static String member(String id) {
    for (String kind : MEMBER_KINDS) {
      if (id.startsWith(kind)) {
        int dash = id.indexOf('-', kind.length());
        String name = id.substring(kind.length(), dash < 0 ? id.length() : dash);
        return name.indexOf('.') < 0 && ApiNames.isIdentifier(name) ? name : null;
      }
    }
    return null;
  }

  /**
   * Whether the page documents a derive macro, which has the name and path of the trait it
   * derives (Clone, Debug or Hash of std, in another namespace): its first heading says "Derive
   * Macro serde::Serialize", or, for the macros built into the compiler, "Macro
   * std::clone::Clone", a macro named in CamelCase, as no function-like macro is.
   *
   * @param documented the item's path ({@link #documented}), or null
   */
  static boolean derivesATrait(List<String> headings, String documented) {
    if (headings.isEmpty() || documented == null) {
      return false;
    }
    String heading = headings.get(0);
    return heading.startsWith("Derive Macro ")
        || heading.startsWith("Macro ") && Character.isUpperCase(documented.charAt(documented.lastIndexOf('.') + 1));
  }

  /**
   * What identifies the item the page documents, whatever the path it is documented under: the
   * source its heading links, where the item starts (std's page of mem::swap links line 711,
   * core's lines 711-744), with the item's own name (a macro defines several items at one
   * place: i8's MIN and MAX, NonZeroU8 and NonZeroU16), or, for a primitive type, which has no
   * source, its name under the docs' root (the crate folders' parent: std and core of one
   * build are one, two builds on one host are two). Null for other pages.
   *
   * @param url the page's, {@code …/std/primitive.u8.html}
   * @param itemSource the heading's source link, resolved, or null
   */
  static String item(String url, String title, List<String> headings, String itemSource) {
    String path = documented(title);
    if (path == null) {
      return null;
    }
    String module = !headings.isEmpty() && headings.get(0).startsWith("Module ") ? facadeModule(url, path) : null;
    if (module != null) {
      return module;
    }
    String name = path.substring(path.lastIndexOf('.') + 1);
    if (itemSource != null) {
      return firstLine(itemSource) + " " + name;
    }
    return !headings.isEmpty() && headings.get(0).startsWith("Primitive Type ")
        ? "primitive " + name + " " + docsRoot(url) : null;
  }

  /**
   * A module of std, core or alloc by its path within the crate, under the docs' root: std
   * re-exports core's and alloc's modules whole ({@code pub use core::iter}), so std::iter and
   * core::iter are one module on two pages, whose heading links two sources (std's lib.rs and
   * core's iter/mod.rs). Null for another crate's module, known by its source as an item is.
   */
  private static String facadeModule(String url, String path) {
    int dot = path.indexOf('.');
    String crate = dot < 0 ? path : path.substring(0, dot);
    int root = url.lastIndexOf("/" + crate + "/");
    return dot > 0 && FACADE_CRATES.contains(crate) && root >= 0
        ? "module " + path.substring(dot + 1) + " " + url.substring(0, root + 1) : null;
  }

  /** A source link to lines {@code #711-744} as one to {@code #711}. */
  private static String firstLine(String source) {
    int hash = source.lastIndexOf('#');
    int dash = hash < 0 ? -1 : source.indexOf('-', hash);
    return dash < 0 ? source : source.substring(0, dash);
  }

  /** The URL up to the folder above the page's: the root that holds std/ and core/. */
  private static String docsRoot(String url) {
    int page = url.lastIndexOf('/');
    int crate = page > 0 ? url.lastIndexOf('/', page - 1) : -1;
    return crate > 0 ? url.substring(0, crate + 1) : url;
  }

  /**
   * The item the page documents as a dotted path, {@code std.collections.HashMap} for "HashMap in
   * std::collections - Rust" and {@code std.collections} for "std::collections - Rust"; null for
   * other titles ("List of all items in this crate").
   */
  static String documented(String title) {
    if (!title.endsWith(TITLE_END)) {
      return null;
    }
    String item = title.substring(0, title.length() - TITLE_END.length());
    int in = item.indexOf(" in ");
    String path = in < 0 ? item : item.substring(in + 4) + "::" + item.substring(0, in);
    String dotted = path.replace("::", ".");
    return ApiNames.isIdentifier(dotted) ? dotted : null;
  }
}
