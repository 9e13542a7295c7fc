package dev.sitepulse.crawler;

/** Pages shaped as rustdoc 1.63 writes them, cut down to what a test needs. */
final class RustdocPages {
  private RustdocPages() {}

  /** A page of rustdoc's: its meta generator, a title ending in " - Rust", a sidebar, then {@code main}. */
  static String page(String title, String main) {
    return "<html><head><meta name='generator' content='rustdoc'><title>" + title + " - Rust</title></head>"
        + "<body class='rustdoc'><nav class='sidebar'>"
        + "<a href='#method.entry'>entry</a></nav><main><div id='main-content'>" + main + "</div></main></body></html>";
  }

  /** As rustdoc heads an item's page: its kind and path, and a link to its source. */
  static String heading(String kind, String path, String source) {
    return "<div class='main-heading'><h1 class='fqn'><span class='in-band'>" + kind + " " + path + "</span></h1>"
        + "<span class='out-of-band'><span class='since'>1.0.0</span> · <a class='srclink' href='" + source
        + "'>source</a></span></div>";
  }
}
