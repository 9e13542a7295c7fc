package dev.sitepulse.crawler.index;

import java.util.Set;

/**
 * What the ids of a page javadoc generated define. Javadoc ids each member by its signature
 * ({@code commit()}, {@code addDocument(java.lang.Iterable)}; {@code commit--} up to JDK 8), which
 * no API-name shape takes, while its own dotted ids ({@code navbar.top},
 * {@code methods.inherited.from.class.java.lang.Object}) and the package ids of its "Uses of"
 * pages look like names and define nothing. The class or package a page documents has no id: the
 * title names it ("IndexWriter (Lucene 9.12.3 core API)").
 */
final class JavadocIds {

  private JavadocIds() {}

  /**
   * Whether the page is javadoc's: the target of its "Skip navigation links" (JDK 8 to 16, then 17
   * on). Not the navigation bar's own id: Bootstrap themes call theirs {@code navbar-top} too.
   */
  static boolean generated(Set<String> anchors) {
    return anchors.contains("skip.navbar.top") || anchors.contains("skip-navbar-top");
  }

  /**
   * Whether the page is one of javadoc's "Uses of Class …" (or Interface, Package…) pages: an
   * index of the places that use a class, each with the summary copied from its own page. Short
   * and dense with those words, the 1153 of them on Lucene's javadoc (half its pages) came before
   * the class pages for prose ("merge policy": four of the first six); search ranks them as it
   * ranks an index, as pages all of links.
   */
  static boolean listsUses(Set<String> anchors, String title) {
    return title.startsWith("Uses of ") && generated(anchors);
  }

  /**
   * The member an id names: {@code commit} for {@code commit()} or {@code commit--}, or an id
   * shaped as an API name as it is (a field: {@code MAX_DOCS}); null for constructors since JDK 9
   * ({@code <init>}; JDK 8's, {@code Writer-java.lang.String-}, name the class, which
   * {@link #documented} tells), type parameters ({@code walk(…)-type-param-T}), dotted and
   * furniture ids ({@code allclasses_navbar_top}) and the plain words of table rows and sections.
   */
  static String member(String id) {
    int open = id.indexOf('(');
    if (open > 0 && id.endsWith(")")) {
      return identifier(id.substring(0, open));
    }
    int dash = id.indexOf('-');
    if (dash > 0 && id.length() > dash + 1 && id.endsWith("-")) {
      return identifier(id.substring(0, dash));
    }
    return id.indexOf('.') < 0 && !id.contains("navbar") && ApiNames.isOne(id) ? id : null;
  }

  /**
   * The class, interface or package the page documents: its title's first word when the title
   * is that word or that word and "(…)": not "Uses of Class …" nor "org.acme Class Hierarchy".
   */
  static String documented(String title) {
    int space = title.indexOf(' ');
    String first = space < 0 ? title : title.substring(0, space);
    if (space >= 0 && !title.startsWith("(", space + 1)) {
      return null;
    }
    return ApiNames.isIdentifier(first) ? first : null;
  }

  private static String identifier(String name) {
    return name.indexOf('.') < 0 && ApiNames.isIdentifier(name) ? name : null;
  }
}
