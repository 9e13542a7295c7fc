package dev.sitepulse.crawler.parse;

/** RFC 3986 §5.2.4 remove_dot_segments: "/a/b/../c/./d" becomes "/a/c/d". */
final class DotSegments {
  private DotSegments() {}

  static String remove(String path) {
    if (!hasDotSegment(path)) {
      return path; // the common case, without allocating
    }
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    int n = path.length();
    while (i < n) {
      int end = path.indexOf('/', i + 1);
      if (end < 0) {
        end = n;
      }
      // A segment is path[i, end), including its leading '/' when there is one.
      String segment = path.substring(i, end);
      boolean last = end == n;
      if (segment.equals("/.") || segment.equals(".")) {
        if (last) {
          out.append('/');
        }
      } else if (segment.equals("/..") || segment.equals("..")) {
        int cut = out.lastIndexOf("/");
        out.setLength(Math.max(cut, 0));
        if (last) {
          out.append('/');
        }
      } else {
        out.append(segment);
      }
      i = end;
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static boolean hasDotSegment(String path) {
    int n = path.length();
    for (int i = 0; i < n; i++) {
      if (path.charAt(i) == '.' && (i == 0 || path.charAt(i - 1) == '/')) {
        int next = i + 1 < n && path.charAt(i + 1) == '.' ? i + 2 : i + 1;
        if (next == n || path.charAt(next) == '/') {
          return true;
        }
      }
    }
    return false;
  }
}
