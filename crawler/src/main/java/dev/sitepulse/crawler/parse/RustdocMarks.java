package dev.sitepulse.crawler.parse;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What rustdoc's markup says of a page beyond its ids, read as the walk enters each element of a
 * page whose meta generator is rustdoc. Rustdoc marks each method of a trait's implementation
 * {@code class="method trait-impl"} (from 1.5x to today's), in the "Trait Implementations",
 * "Auto Trait Implementations" and "Blanket Implementations" of every type: {@code method.clone},
 * {@code method.into}, {@code method.fmt} on hundreds of pages, which the trait declares.
 */
final class RustdocMarks {
  private final Set<String> implementationIds = new HashSet<>();

  /** @param id the element's id, or "" */
  void enter(Element el, String id) {
    if (!id.isEmpty() && el.hasClass("trait-impl")) {
      implementationIds.add(id);
    }
  }

  /** The ids of the members that implement a trait's method for the page's type. */
  Set<String> implementationIds() {
    return implementationIds;
  }
}
