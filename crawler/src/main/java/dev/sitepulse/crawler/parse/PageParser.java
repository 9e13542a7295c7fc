package dev.sitepulse.crawler.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jsoup.helper.DataUtil;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetched HTML body into a {@link ParsedPage}. Thread-safe; never throws on bad HTML.
 *
 * <p>The charset is the header's if Java knows it, else the page's {@code <meta charset>} or
 * http-equiv declaration, else UTF-8; a byte-order mark beats all three.
 */
public final class PageParser {
  private static final Logger LOG = LoggerFactory.getLogger(PageParser.class);
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  /**
   * How the message of a response of an HTML type with a binary body starts, as crawl.db records
   * it: links tells such pages by it, whose links were never read.
   */
  public static final String BINARY_NOT_HTML = "binary content, not HTML";

  private PageParser() {}

  /** Whether a response of this media type (lower case, no parameters) is a page to parse. */
  public static boolean parses(String mediaType) {
    return HTML.contains(mediaType);
  }

  /**
   * Whether a response is a page to parse: its media type is HTML's, or it has none and its body
   * starts as HTML does, which browsers render as a page; either way, its body is not binary
   * ({@link #servedAsHtmlButBinary}).
   *
   * @param mediaType lower case, no parameters; empty when the response had no Content-Type
   * @param charset the Content-Type's charset, or null
   */
  public static boolean parses(String mediaType, String charset, byte[] body) {
    return (parses(mediaType) || mediaType.isEmpty() && HtmlSignature.matches(body))
        && !BinaryContent.detected(body, charset);
  }

  /**
   * Why a response of an HTML media type is not parsed: its body is binary (a file served with the
   * wrong type), which would index as a page of garbage. Null for any other response.
   */
  public static String servedAsHtmlButBinary(String mediaType, String charset, byte[] body) {
    return parses(mediaType) && BinaryContent.detected(body, charset)
        ? BINARY_NOT_HTML + ", though served as " + mediaType
        : null;
  }

  /**
   * Parses one page for a link check: with the source line of every outlink, and the resources
   * the page embeds ({@link ParsedPage#embeds()}).
   *
   * @param body the raw bytes as fetched; null reads as empty
   * @param charsetFromHeader the Content-Type charset, or null; an unknown name counts as null
   * @param baseUrl the page's URL, for resolving links (a {@code <base href>} overrides it)
   */
  public static ParsedPage parse(byte[] body, String charsetFromHeader, String baseUrl) {
    return parse(body, charsetFromHeader, baseUrl, true);
  }

  /**
   * As {@link #parse}, without what only a link check reads: every {@link Outlink#line()} is -1,
   * and no embedded resource is collected. jsoup's position tracking allocates a source range for
   * every node: on the Python docs it added 30–50% to parse time, which a crawl for search should
   * not pay.
   */
  public static ParsedPage parseForSearch(byte[] body, String charsetFromHeader, String baseUrl) {
    return parse(body, charsetFromHeader, baseUrl, false);
  }

  private static ParsedPage parse(
      byte[] body, String charsetFromHeader, String baseUrl, boolean forLinkCheck) {
    byte[] bytes = body == null ? new byte[0] : body;
    Document doc = decode(bytes, charsetFromHeader, baseUrl == null ? "" : baseUrl, forLinkCheck);
    // Text is usually a fraction of the markup; a quarter avoids most StringBuilder regrowth.
    PageExtractor extractor =
        new PageExtractor(doc.baseUri(), Math.max(256, bytes.length / 4), forLinkCheck);
    doc.traverse(extractor);
    if (extractor.outlinksDropped() > 0) {
      LOG.warn("{}: {} links, only the first {} kept", baseUrl,
          PageExtractor.MAX_OUTLINKS + extractor.outlinksDropped(), PageExtractor.MAX_OUTLINKS);
    }
    return extractor.result();
  }

  private static Document decode(
      byte[] body, String charsetFromHeader, String baseUrl, boolean trackLines) {
    String charset = usableOrNull(charsetFromHeader);
    if (charset == null) {
      charset = CharsetSniffer.declared(body);
    }
    Parser parser = Parser.htmlParser().setTrackPosition(trackLines);
    try {
      return DataUtil.load(new ByteArrayInputStream(body), charset, baseUrl, parser);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory body failed", e);
    }
  }

  private static String usableOrNull(String charset) {
    if (charset == null || charset.isBlank()) {
      return null;
    }
    String name = charset.trim().replace("\"", "");
    return CharsetSniffer.isSupported(name) ? name : null;
  }
}
