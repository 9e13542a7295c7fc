package dev.sitepulse.crawler.index;

import java.util.Locale;

/**
 * The word a page's URL names it by: its file's name without the extension ({@code fs} for
 * Node.js's {@code …/api/fs.html}), or its folder's for an index page ({@code fs} for rustdoc's
 * {@code …/std/fs/index.html}, {@code tutorial} for {@code …/tutorial/}). A site names a page so
 * for what the whole page is about, where the page may not say it as a name: Node's fs page is
 * titled "File system" and writes {@code fs} only inside {@code fs.readFile}, so a search for
 * {@code fs} found the command line's {@code --allow-fs-read} first. Only a word shaped like a
 * name counts ({@code child_process}, {@code regex}); {@code getting-started} or rustdoc's
 * {@code struct.Vec} are none.
 */
public final class UrlNames {
  /** Marks a URL's name among the names a page defines, which no id is ({@link ApiNames} takes no {@code /}). */
  public static final String PREFIX = "/";

  private UrlNames() {}

  /** The word {@code url} names its page by, lower-cased as names are kept; null when it names none. */
  public static String of(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
    if (start < 0) {
      return null;
    }
    int end = start;
    while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
      end++;
    }
    String path = url.substring(start, end);
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1);
    String name = withoutExtension(file);
    if (name.isEmpty() || name.equals("index")) { // a folder's page: named by the folder
      int before = path.lastIndexOf('/', slash - 1);
      name = before < 0 ? "" : path.substring(before + 1, slash);
    }
    return name.indexOf('.') < 0 && ApiNames.isIdentifier(name) ? name.toLowerCase(Locale.ROOT) : null;
  }

  /** {@code fs.html} without {@code .html}; a name with no extension as it is. */
  private static String withoutExtension(String file) {
    int dot = file.lastIndexOf('.');
    if (dot < 0) {
      return file;
    }
    for (int i = dot + 1; i < file.length(); i++) {
      if (!Character.isLetter(file.charAt(i))) {
        return file;
      }
    }
    return file.substring(0, dot);
  }
}
