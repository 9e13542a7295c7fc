package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class PageTextAnalyzerTest {
  private static final String ENGLISH = "The asyncio event loop's callbacks aren't run in threads; "
      + "os.path.join() joins PATHS, v3.11.4 and 2_000 items. Running runners ran quickly.";

  @Test
  void asciiTextGetsTheTermsEnglishAnalyzerGivesItSoOlderIndexesReadTheSame() throws IOException {
    assertThat(terms(new PageTextAnalyzer(), ENGLISH)).isEqualTo(terms(new EnglishAnalyzer(), ENGLISH));
  }

  @Test
  void fullWidthLettersAndLigaturesIndexAsTheLettersAQueryTypes() throws IOException {
    // Ｐｙｔｈｏｎ ﬁles
    assertThat(terms(new PageTextAnalyzer(), "\uFF30\uFF59\uFF54\uFF48\uFF4F\uFF4E \uFB01les"))
        .containsExactly("python", "file");
  }

  @Test
  void aWordWithAccentsIsAlsoItsAsciiLettersAfterItself() throws IOException {
    assertThat(terms(new PageTextAnalyzer(), "Café straße Ελλάδα naïve"))
        .containsExactly("café", "cafe", "straße", "strass", "ελλάδα", "naïv", "naiv");
  }

  @Test
  void invisibleFormatCharactersInsideAWordAreNoPartOfIt() throws IOException {
    // A right-to-left mark after an English word on a Hebrew page, a word joiner, a zero-width
    // joiner, a byte-order mark, a bidi embedding's end and a supplementary tag character.
    String text = "python\u200F coop\u2060eration join\u200Ders \uFEFFstart override\u202C flag\uDB40\uDC67";
    assertThat(terms(new PageTextAnalyzer(), text))
        .containsExactly("python", "cooper", "joiner", "start", "overrid", "flag");
  }

  @Test
  void aTermOfFormatCharactersOnlyNormalizesToItselfAsOneTermMust() {
    // What a prefix or fuzzy query's term goes through: Lucene requires exactly one token back.
    assertThat(new PageTextAnalyzer().normalize("body", "\u202E").utf8ToString()).isEqualTo("\u202E");
    assertThat(new PageTextAnalyzer().normalize("body", "Coop\u2060eration").utf8ToString()).isEqualTo("cooperation");
  }

  @Test
  void aRewrittenTokenKeepsTheOffsetsOfThePagesOwnText() throws IOException {
    String text = "in \uFF34\uFF4F\uFF4B\uFF59\uFF4F"; // in Ｔｏｋｙｏ
    try (TokenStream stream = new PageTextAnalyzer().tokenStream("body", text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      assertThat(stream.incrementToken()).isTrue();
      assertThat(text.substring(offset.startOffset(), offset.endOffset()))
          .isEqualTo("\uFF34\uFF4F\uFF4B\uFF59\uFF4F");
    }
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
