package dev.sitepulse.cli.report;

import java.util.Locale;

/** Writes the few SVG shapes the charts need, with coordinates to a tenth of a pixel. */
final class Svg {

  private final StringBuilder out = new StringBuilder();

  Svg(String cssClass, double width, double height, String label) {
    out.append("<svg class=\"").append(cssClass).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(n(width)).append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width))
        .append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
        .append("\">");
  }

  static String n(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A rectangle with a hover title; the title is escaped here. */
  Svg rect(double x, double y, double w, double h, String cssClass, String title) {
    out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" width=\"").append(n(Math.max(w, 0.5))).append("\" height=\"").append(n(h)).append('"');
    if (title == null) {
      out.append("/>");
    } else {
      out.append("><title>").append(Html.escape(title)).append("</title></rect>");
    }
    return this;
  }

  /** Text that is already escaped. */
  Svg text(double x, double y, String cssClass, String escapedText) {
    out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\">").append(escapedText).append("</text>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
        .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>");
    return this;
  }

  /** A path from its d attribute, built of numbers only. */
  Svg path(String d, String cssClass) {
    if (!d.isEmpty()) {
      out.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\"/>");
    }
    return this;
  }

  @Override
  public String toString() {
    return out + "</svg>";
  }
}
