package dev.sitepulse.crawler.robots;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.sax.DelegatorHandler;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * crawler-commons' lenient parser, which keeps what comes before the break of a sitemap that
 * breaks off, made to say where it broke ({@link #brokenBy}) instead of logging it. Without that, a
 * broken sitemap took two parses, strict and then partial, each logging the parser's own warning,
 * so {@code -v} showed it twice beside the crawl's one line. The XML is read as
 * {@code SiteMapParser.processXml} reads it (crawler-commons 1.6): no DTD, no external entities.
 * One instance per read.
 */
final class OnePassSiteMapParser extends SiteMapParser {

  private final Function<String, String> urlFilter;
  private String brokenBy;

  /** @param urlFilter what each URL passes, or null to drop it */
  OnePassSiteMapParser(Function<String, String> urlFilter) {
    super(false, true);
    this.urlFilter = urlFilter;
    setURLFilter(urlFilter);
  }

  /** What the XML parser said where the sitemap broke off, or null when it did not. */
  String brokenBy() {
    return brokenBy;
  }

  @Override
  protected AbstractSiteMap processXml(URL sitemapUrl, InputSource is) throws UnknownFormatException {
    DelegatorHandler handler = new DelegatorHandler(sitemapUrl, isStrict());
    handler.setStrictNamespace(isStrictNamespace());
    if (isStrictNamespace()) {
      handler.setAcceptedNamespaces(acceptedNamespaces);
    }
    handler.setExtensionNamespaces(extensionNamespaces);
    handler.setURLFilter(urlFilter);
    try {
      newSaxParser().parse(is, handler);
    } catch (IOException e) {
      throw (UnknownFormatException) new UnknownFormatException("Failed to parse " + sitemapUrl).initCause(e);
    } catch (SAXException e) {
      AbstractSiteMap partial = handler.getSiteMap();
      if (partial == null) {
        throw (UnknownFormatException) new UnknownFormatException("Failed to parse " + sitemapUrl).initCause(e);
      }
      brokenBy = e.getMessage();
      partial.setProcessed(true);
      return partial;
    }
    AbstractSiteMap map = handler.getSiteMap();
    if (map == null) {
      throw handler.getException() != null ? handler.getException()
          : new UnknownFormatException("Unknown XML format for: " + sitemapUrl);
    }
    return map;
  }

  private static SAXParser newSaxParser() {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    factory.setNamespaceAware(true);
    try {
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      SAXParser parser = factory.newSAXParser();
      parser.getXMLReader().setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      return parser;
    } catch (ParserConfigurationException | SAXException e) { // the JDK's parser has them all
      throw new IllegalStateException("no XML parser with the features a sitemap needs", e);
    }
  }
}
