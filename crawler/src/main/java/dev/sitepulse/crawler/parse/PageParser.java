package dev.sitepulse.crawler.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import org.jsoup.helper.DataUtil;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Turns a fetched HTML body into a {@link ParsedPage}. Thread-safe; never throws on bad HTML. */
public final class PageParser {
  private PageParser() {}

  /**
   * Parses one page.
   *
   * @param body the raw bytes as fetched
   * @param charsetFromHeader the Content-Type charset, or null; an unknown name counts as null
   * @param baseUrl the page's URL, for resolving links (a {@code <base href>} overrides it)
   */
  public static ParsedPage parse(byte[] body, String charsetFromHeader, String baseUrl) {
    return parse(body, charsetFromHeader, baseUrl, true);
  }

  public static ParsedPage parse(byte[] body, String charsetFromHeader, String baseUrl, boolean track) {
    byte[] bytes = body == null ? new byte[0] : body;
    Document doc = decode(bytes, charsetFromHeader, baseUrl == null ? "" : baseUrl, track);
    // Text is usually a fraction of the markup; a quarter avoids most StringBuilder regrowth.
    PageExtractor extractor = new PageExtractor(doc.baseUri(), Math.max(256, bytes.length / 4));
    doc.traverse(extractor);
    return extractor.result();
  }

  /** Header charset if usable; else jsoup sniffs a BOM or {@code <meta charset>}; else UTF-8. */
  private static Document decode(byte[] body, String charsetFromHeader, String baseUrl, boolean track) {
    Parser parser = Parser.htmlParser().setTrackPosition(track);
    try {
      String charset = usableOrNull(charsetFromHeader);
      return DataUtil.load(new ByteArrayInputStream(body), charset, baseUrl, parser);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory body cannot fail", e);
    }
  }

  private static String usableOrNull(String charset) {
    if (charset == null || charset.isBlank()) {
      return null;
    }
    String name = charset.trim().replace("\"", "");
    try {
      return Charset.isSupported(name) ? name : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }
}
