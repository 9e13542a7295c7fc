package dev.sitepulse.crawler.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** The index's field names and how each is analysed; shared by the writer and the searcher. */
public final class IndexFields {
  public static final String URL = "url";
  public static final String HOST = "host";
  public static final String TITLE = "title";
  public static final String HEADINGS = "headings";
  public static final String BODY = "body";
  public static final String DESCRIPTION = "description";
  public static final String FETCHED_AT = "fetched_at";
  public static final String STATUS = "status";
  public static final String LANG = "lang";

  private IndexFields() {}

  /** English stemming on text; URLs and hosts match as whole values. */
  public static Analyzer analyzer() {
    Analyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
        Map.of(URL, keyword, HOST, keyword, LANG, keyword));
  }
}
