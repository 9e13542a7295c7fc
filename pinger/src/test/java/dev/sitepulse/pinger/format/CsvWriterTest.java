package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.ALL;
import static dev.sitepulse.pinger.format.SampleResults.DOWN_MESSAGE;
import static dev.sitepulse.pinger.format.SampleResults.SHOP_NAME;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  private static final List<String> HEADER = List.of("name", "group", "url", "verdict", "error_kind", "status",
      "total_ms", "dns_ms", "connect_ms", "tls_ms", "processing_ms", "transfer_ms", "bytes", "redirects",
      "final_url", "message", "attempts");

  /** Every record, the header first, as Jackson's own CSV reader sees them. */
  private static List<String[]> records(String csv) throws Exception {
    CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
      return it.readAll();
    }
  }

  private static List<String[]> records() throws Exception {
    return records(output(CsvWriter::new));
  }

  @Test
  void writesAHeaderRowThenOneRowPerCheckInInputOrder() throws Exception {
    List<String[]> records = records();

    assertThat(records).hasSize(1 + ALL.size());
    assertThat(records.get(0)).containsExactlyElementsOf(HEADER);
    for (int i = 0; i < ALL.size(); i++) {
      assertThat(records.get(i + 1)).hasSize(HEADER.size());
      assertThat(records.get(i + 1)[0]).isEqualTo(ALL.get(i).target().name());
    }
  }

  @Test
  void roundTripsCommasAndQuotesAndPutsALineBreakOnTheLineAsTheTableDoes() throws Exception {
    List<String[]> records = records();

    assertThat(records.get(2)[0]).isEqualTo(SHOP_NAME);
    assertThat(records.get(2)[15]).isEqualTo("response time 250 ms, over 100 ms");
    assertThat(records.get(3)[15]).isEqualTo(DOWN_MESSAGE.replace('\n', ' '));
  }

  @Test
  void quotesOnlyTheFieldsThatNeedIt() {
    String csv = output(CsvWriter::new);

    assertThat(csv).contains("\"shop, \"\"main\"\"\",web,https://shop.example.com/,DEGRADED,");
    assertThat(csv).contains("\r\napi,core,https://api.example.com/health,UP,,200,");
  }

  @Test
  void endsEveryRecordWithCrLfAsRfc4180Asks() {
    String csv = output(CsvWriter::new);

    assertThat(csv).startsWith(String.join(",", HEADER) + "\r\n").endsWith("\r\n");
    assertThat(csv.split("\r\n")).hasSize(1 + ALL.size());
  }

  @Test
  void writesTheValuesOfAResultInColumnOrder() throws Exception {
    String[] api = records().get(1);

    assertThat(api).containsExactly("api", "core", "https://api.example.com/health", "UP", "", "200",
        "25", "1.235", "2", "10.5", "8", "0.3", "659", "0", "https://api.example.com/health",
        "all 1 conditions held", "1");
  }

  @Test
  void leavesStatusEmptyWithoutAResponseAndNamesTheKindOfAnError() throws Exception {
    String[] refused = records().get(5);

    assertThat(refused[3]).isEqualTo("ERROR");
    assertThat(refused[4]).isEqualTo("CONNECT_REFUSED");
    assertThat(refused[5]).isEmpty();
    assertThat(refused[14]).isEmpty();
  }

  @Test
  void showsTheLastAttemptOfARetriedCheckAndItsRedirects() throws Exception {
    String[] docs = records().get(6);

    assertThat(docs[3]).isEqualTo("UP");
    assertThat(docs[6]).isEqualTo("100");
    assertThat(docs[13]).isEqualTo("1");
    assertThat(docs[14]).isEqualTo("https://docs.example.com/");
    assertThat(docs[16]).as("the attempts made, as the table's \"(2 attempts)\" and json's list say").isEqualTo("2");
  }

  @Test
  void noTextCellStartsAsASpreadsheetFormula() throws Exception {
    CheckResult hostile = SampleResults.result(SampleResults.target("=cmd|' /C calc'!A0", "+g", "@SUM(1)"),
        SampleResults.attempt(null, Verdict.ERROR, ErrorKind.INVALID_URL, "-2+3", 0, SampleResults.ms(1), 0, null));

    String[] row = records(output(CsvWriter::new, List.of(hostile))).get(1);

    assertThat(row[0]).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(row[1]).isEqualTo("'+g");
    assertThat(row[2]).isEqualTo("'@SUM(1)");
    assertThat(row[15]).isEqualTo("'-2+3");
    assertThat(row[6]).as("a number is a number").isEqualTo("1");
  }

  @Test
  void aNameGroupOrMessageKeepsNoControlCharacterOrBidiOverrideAsTheTableKeepsNone() throws Exception {
    // A config's name: "\e]52;c;...\a" in double quotes is YAML for an escape sequence.
    CheckResult hostile = SampleResults.result(
        SampleResults.target("api\u001b]52;c;ZXZpbA==\u0007", "core\r\nx", "http://h/"),
        SampleResults.attempt(null, Verdict.ERROR, ErrorKind.INVALID_URL, "\u202Egnp.exe", 0, SampleResults.ms(1), 0, null));

    String csv = output(CsvWriter::new, List.of(hostile));
    String[] row = records(csv).get(1);

    assertThat(row[0]).isEqualTo("api ]52;c;ZXZpbA== ");
    assertThat(row[1]).isEqualTo("core x");
    assertThat(row[15]).isEqualTo(" gnp.exe");
    assertThat(csv).doesNotContain("\u001b", "\u0007", "\u202E", "\nx");
  }

  @Test
  void writesOnlyTheHeaderWhenThereAreNoResults() {
    assertThat(output(CsvWriter::new, List.of())).isEqualTo(String.join(",", HEADER) + "\r\n");
  }
}
