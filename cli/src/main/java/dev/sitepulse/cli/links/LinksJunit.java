package dev.sitepulse.cli.links;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.Shortened;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, so CI shows broken links as failed tests: one test case per link to a broken target,
 * or per embedding of a broken resource (the page is the class, so results group by page; repeats
 * on a page are numbered, as CI servers merge cases of one name), one failing case per seed
 * robots.txt disallows (the run exits 2 for it), one failing case for a WARC file (warc: true)
 * that lacks responses (so does it), one for a check that skipped every seed (so does it), one
 * skipped case for each kind of what was not checked (pages cut at --max-body or with links past
 * --max-links-per-page, binary pages, retries --max-pages cut, anchors, other targets), one case
 * in error for a check that was stopped, whatever it found, and one passing case for the rest.
 */
final class LinksJunit {

  private LinksJunit() {}

  static void write(LinkReport r, PrintStream out) {
    // A seed that no page links to is a case of its own.
    // A seed robots.txt disallows fails the run (exit 2), so it fails here too, not among the skipped.
    // So does a WARC file (warc: true) that lacks responses: one case says why.
    long failures = r.broken().stream().mapToLong(b -> Math.max(1, b.referrers().size())).sum()
        + r.seedsDisallowed().size() + (r.responsesNotArchived() > 0 ? 1 : 0)
        + (LinksNotChecked.nothingChecked(r) ? 1 : 0);
    long skippedTargets = r.skipped() - r.seedsDisallowed().size();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "sitepulse links");
      String cutPages = LinksNotChecked.cutPages(r);
      String binaryPages = LinksNotChecked.binaryPages(r);
      String linksCutPages = LinksNotChecked.linksCutPages(r);
      String triesCut = LinksNotChecked.triesCut(r);
      List<String> anchors = LinksNotChecked.anchors(r);
      int skippedCases = (skippedTargets > 0 ? 1 : 0) + (cutPages != null ? 1 : 0) + (binaryPages != null ? 1 : 0)
          + (linksCutPages != null ? 1 : 0) + (triesCut != null ? 1 : 0) + anchors.size();
      String stopped = LinksNotChecked.stopped(r);
      int errors = stopped != null ? 1 : 0;
      x.writeAttribute("tests", Long.toString(failures + 1 + skippedCases + errors));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", Integer.toString(errors));
      x.writeAttribute("skipped", Integer.toString(skippedCases));
      x.writeAttribute("time", "0");
      Map<String, Integer> seen = new HashMap<>();
      for (BrokenLink b : r.broken()) {
        if (b.referrers().isEmpty()) {
          BrokenLink.Start start = b.start() == null ? BrokenLink.Start.SEED : b.start();
          summaryCase(x, xml(start.words() + " " + b.url()));
          failure(x, b, "\n" + start.unled());
          x.writeEndElement();
        }
        for (Referrer ref : b.referrers()) {
          // "<img> http://h/a.png (line 3)": how the page embeds a resource, as its anchor text says
          String name = (ref.embeds() ? ref.embeddedAs() + " " : "link to ") + b.url()
              + (ref.line() > 0 ? " (line " + ref.line() + ")" : "");
          int nth = seen.merge(ref.page() + "\n" + name, 1, Integer::sum);
          x.writeStartElement("testcase");
          x.writeAttribute("classname", xml(ref.page()));
          x.writeAttribute("name", xml(nth == 1 ? name : name + " #" + nth));
          x.writeAttribute("time", "0");
          failure(x, b, (ref.embeds() ? "\nembedded in " : "\nlinked from ") + ref.where() + " \""
              + Shortened.line(ref.anchorText()) + "\"");
          x.writeEndElement();
        }
      }
      for (String seed : r.seedsDisallowed()) {
        summaryCase(x, xml("seed " + seed));
        x.writeStartElement("failure");
        x.writeAttribute("message", xml("not checked: " + LinksNotChecked.SEED_DISALLOWED_WHY));
        x.writeAttribute("type", "SEED_DISALLOWED");
        x.writeCharacters(xml("seed " + seed + " not checked: " + LinksNotChecked.SEED_DISALLOWED_WHY));
        x.writeEndElement();
        x.writeEndElement();
      }
      if (r.responsesNotArchived() > 0) {
        summaryCase(x, LinksWarcLoss.counted(r));
        x.writeStartElement("failure");
        x.writeAttribute("message", xml(String.valueOf(r.warcFailure())));
        x.writeAttribute("type", LinksWarcLoss.TYPE);
        x.writeCharacters(xml(LinksWarcLoss.said(r)));
        x.writeEndElement();
        x.writeEndElement();
      }
      if (LinksNotChecked.nothingChecked(r)) { // the run exits 2: a CI server must not show skips and a pass
        summaryCase(x, "no page could be checked");
        x.writeStartElement("failure");
        x.writeAttribute("message", LinksNotChecked.NOTHING_CHECKED_WHY);
        x.writeAttribute("type", "NOTHING_CHECKED");
        x.writeCharacters("no page could be checked: " + LinksNotChecked.NOTHING_CHECKED_WHY);
        x.writeEndElement();
        x.writeEndElement();
      }
      if (cutPages != null) { // one case, as the skipped targets are: the pages are in the message
        summaryCase(x, cutPages);
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", xml("raise --max-body to read them whole: " + String.join(" ", r.cutPages())));
        x.writeEndElement();
      }
      if (binaryPages != null) {
        summaryCase(x, binaryPages);
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", xml(LinksNotChecked.BINARY_PAGES_HINT + "? " + String.join(" ", r.binaryPages())));
        x.writeEndElement();
      }
      if (linksCutPages != null) {
        summaryCase(x, linksCutPages);
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", xml("raise --max-links-per-page, or 0 for no cap, to check them: "
            + String.join(" ", r.linksCutPages())));
        x.writeEndElement();
      }
      if (triesCut != null) {
        summaryCase(x, triesCut);
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", xml("raise --max-pages to check them: " + String.join(" ", r.triesCut())));
        x.writeEndElement();
      }
      for (String notChecked : anchors) {
        summaryCase(x, notChecked);
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", "--check-anchors could not tell whether their pages have such an id");
        x.writeEndElement();
      }
      if (stopped != null) { // an error, not a skip: a CI server would pass a run of skips and passes
        summaryCase(x, stopped);
        x.writeStartElement("error");
        x.writeAttribute("message", LinksNotChecked.STOPPED_WHY);
        x.writeAttribute("type", "STOPPED");
        // A stop leaves something unjudged: targets, or fragments of pages not read for their ids.
        List<String> left = new ArrayList<>(r.notCheckedAtStop());
        left.addAll(r.anchorsNotCheckedAtStop());
        x.writeCharacters(xml("not checked:\n" + String.join("\n", left)));
        x.writeEndElement();
        x.writeEndElement();
      }
      if (skippedTargets > 0) {
        summaryCase(x, Amounts.count(skippedTargets, "target") + " not checked");
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", "disallowed by robots.txt, matched by --ignore, left queued at"
            + " --max-pages, or not crawled (or redirected out of the crawl) with --external skip");
        x.writeEndElement();
      }
      summaryCase(x, Amounts.count(r.working(), "other target") + (r.working() == 1 ? " works" : " work"));
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

  /** The failure of a case for {@code b}; {@code from} says where it is linked from. */
  private static void failure(XMLStreamWriter x, BrokenLink b, String from) throws XMLStreamException {
    x.writeStartElement("failure");
    x.writeAttribute("message", xml(b.problem()));
    x.writeAttribute("type", b.errorKind() != null ? b.errorKind() : "HTTP_" + b.status());
    x.writeCharacters(xml(b.url() + ": " + b.problem()
        + (b.chain().isEmpty() ? "" : "\nredirects: " + String.join(" -> ", b.chain())) + from));
    x.writeEndElement();
  }

  /** Opens a test case that stands for many targets at once, or for a seed. */
  private static void summaryCase(XMLStreamWriter x, String name) throws XMLStreamException {
    x.writeStartElement("testcase");
    x.writeAttribute("classname", "sitepulse.links");
    x.writeAttribute("name", name);
    x.writeAttribute("time", "0");
  }

  /**
   * The text with what XML 1.0 cannot hold replaced by U+FFFD: C0 controls other than tab and
   * line breaks, U+FFFE and U+FFFF, lone surrogates. Anchor texts and server messages can hold
   * any of them, and one makes a CI server refuse the whole report.
   */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
      out.appendCodePoint(allowed ? c : 0xFFFD);
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
