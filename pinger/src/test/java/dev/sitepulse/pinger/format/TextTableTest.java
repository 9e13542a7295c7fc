package dev.sitepulse.pinger.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.format.TextTable.Cell;
import dev.sitepulse.pinger.format.TextTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void aCellWithControlCharactersStaysOnItsRowsLine() {
    TextTable table = new TextTable(List.of(new Column("NAME", false), new Column("N", true)));
    table.add(List.of(Cell.plain("quote\"back\\slash\nnl\r\n\ttab\u001b[2J"), Cell.plain("7")));

    assertThat(table.lines()).containsExactly(
        "NAME" + " ".repeat(23) + "  N",
        "quote\"back\\slash nl tab [2J  7");
  }

  @Test
  void rightAlignedColumnsEndUnderTheirHeader() {
    TextTable table = new TextTable(List.of(new Column("A", false), new Column("COUNT", true)));
    table.add(List.of(Cell.plain("x"), Cell.plain("12")));

    assertThat(table.lines()).containsExactly("A  COUNT", "x     12");
  }

  @Test
  void wideAndCombiningCharactersTakeTheColumnsATerminalGivesThem() {
    // 漢字 and 🙂 take two columns each; the accent of an "e" written in two code points takes none.
    TextTable table = new TextTable(List.of(new Column("NAME", false), new Column("N", true)));
    table.add(List.of(Cell.plain("ascii-name"), Cell.plain("1")));
    table.add(List.of(Cell.plain("漢字 🙂"), Cell.plain("2")));
    table.add(List.of(Cell.plain("cafe\u0301"), Cell.plain("3")));

    assertThat(table.lines()).containsExactly(
        "NAME        N",
        "ascii-name  1",
        "漢字 🙂     2",
        "cafe\u0301        3");
  }
}
