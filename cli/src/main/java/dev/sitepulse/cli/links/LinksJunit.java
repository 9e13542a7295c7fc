package dev.sitepulse.cli.links;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import java.io.PrintStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, so CI shows broken links as failed tests: one test case per linking page and broken
 * target (the page is the class, so results group by page), plus one passing case for the rest.
 */
final class LinksJunit {

  private LinksJunit() {}

  static void write(LinkReport r, PrintStream out) {
    long failures = r.broken().stream().mapToLong(b -> b.referrers().size()).sum();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "sitepulse links");
      x.writeAttribute("tests", Long.toString(failures + 1));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", "0");
      x.writeAttribute("time", "0");
      for (BrokenLink b : r.broken()) {
        for (Referrer ref : b.referrers()) {
          x.writeStartElement("testcase");
          x.writeAttribute("classname", ref.page());
          x.writeAttribute("name", "link to " + b.url() + (ref.line() > 0 ? " (line " + ref.line() + ")" : ""));
          x.writeAttribute("time", "0");
          x.writeStartElement("failure");
          x.writeAttribute("message", b.problem());
          x.writeAttribute("type", b.errorKind() != null ? b.errorKind() : "HTTP_" + b.status());
          x.writeCharacters(b.url() + ": " + b.problem()
              + (b.chain().isEmpty() ? "" : "\nredirects: " + String.join(" -> ", b.chain()))
              + "\nlinked from " + ref.where() + " \"" + LinksTable.oneLine(ref.anchorText()) + "\"");
          x.writeEndElement();
          x.writeEndElement();
        }
      }
      x.writeStartElement("testcase");
      x.writeAttribute("classname", "sitepulse.links");
      x.writeAttribute("name", (r.targets() - r.broken().size()) + " other link targets work");
      x.writeAttribute("time", "0");
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    out.println();
  }
}
