package dev.sitepulse.crawler.parse;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What rustdoc's markup says of a page beyond its ids, read as the walk enters and leaves each
 * element of a page whose meta generator is rustdoc.
 *
 * <p>Rustdoc marks each method of a trait's implementation {@code class="method trait-impl"}
 * (from 1.5x to today's), in the "Trait Implementations", "Auto Trait Implementations" and
 * "Blanket Implementations" of every type: {@code method.clone}, {@code method.into},
 * {@code method.fmt} on hundreds of pages, which the trait declares. It lists the methods of the
 * type a type dereferences to as well, in {@code <div id="deref-methods-%5BT%5D-1">} under
 * "Methods from Deref&lt;Target = [T]&gt;": slice's sort, len and iter on Vec's, IoSliceMut's
 * and others' pages.
 *
 * <p>It heads the page with the item's source link, {@code <div class="main-heading">…<a
 * class="srclink" href="../../src/core/iter/traits/iterator.rs.html#66-3774">} ({@code class="src"}
 * since 1.73): the same on each page that documents the item under another path, a re-export
 * (std::collections::HashMap and std::collections::hash_map::HashMap, std::iter::Iterator and
 * core::iter::Iterator).
 */
final class RustdocMarks {
  private final Set<String> declaredElsewhereIds = new HashSet<>();
  private Element derefMethods;
  private Element mainHeading;
  private boolean headed; // the main heading was read: later source links are its members'
  private String itemSource;

  /** @param id the element's id, or "" */
  void enter(Element el, String id) {
    if (!id.isEmpty()) {
      if (derefMethods == null && id.startsWith("deref-methods-") && el.normalName().equals("div")) {
        derefMethods = el; // not the heading of that name
      } else if (derefMethods != null || el.hasClass("trait-impl")) {
        declaredElsewhereIds.add(id);
      }
    }
    if (headed) {
      return;
    }
    if (mainHeading == null) {
      if (el.hasClass("main-heading")) {
        mainHeading = el;
      }
    } else if (itemSource == null && el.normalName().equals("a") && (el.hasClass("srclink") || el.hasClass("src"))) {
      itemSource = el.attr("href");
    }
  }

  void exit(Element el) {
    if (el == derefMethods) {
      derefMethods = null;
    } else if (el == mainHeading) {
      mainHeading = null;
      headed = true;
    }
  }

  /** The ids of the members that a trait or the type dereferenced to declares. */
  Set<String> declaredElsewhereIds() {
    return declaredElsewhereIds;
  }

  /** The href of the main heading's source link as written, or null: a primitive type has none. */
  String itemSource() {
    return itemSource;
  }
}
