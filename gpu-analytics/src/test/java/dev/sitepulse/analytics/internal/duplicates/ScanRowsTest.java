package dev.sitepulse.analytics.internal.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRowsTest {

  @Test
  void aWholeScanIsOneRectangleOfEveryBlockAndPosition() {
    assertThat(ScanRows.cover(0, 4L * 1500, 1500)).containsExactly(new ScanRows(0, 4, 0, 1500));
  }

  @Test
  void aRunInsideOneRowIsOnePartOfThatRow() {
    assertThat(ScanRows.cover(1500 + 10, 100, 1500)).containsExactly(new ScanRows(1, 1, 10, 110));
  }

  @Test
  void aRunAcrossRowsIsTheEndOfTheFirstTheWholeRowsAndTheStartOfTheLast() {
    assertThat(ScanRows.cover(1490, 1500 * 2 + 20, 1500)).containsExactly(
        new ScanRows(0, 1, 1490, 1500), new ScanRows(1, 2, 0, 1500), new ScanRows(3, 1, 0, 10));
  }

  @Test
  void everyRunCoversItsWorkItemsOnceAndNoOthers() {
    int blocks = 5;
    for (int n : new int[] {1, 2, 7, 64}) {
      long items = (long) blocks * n;
      for (long first = 0; first < items; first++) {
        for (long count = 1; first + count <= items; count++) {
          List<Long> covered = new ArrayList<>();
          for (ScanRows rows : ScanRows.cover(first, count, n)) {
            assertThat(rows.fromPosition()).isLessThan(rows.toPosition());
            assertThat(rows.blocks()).isPositive();
            for (int b = rows.firstBlock(); b < rows.firstBlock() + rows.blocks(); b++) {
              for (int p = rows.fromPosition(); p < rows.toPosition(); p++) {
                covered.add((long) b * n + p);
              }
            }
          }
          long from = first;
          long end = first + count;
          assertThat(covered).as("n %s, from %s, %s items", n, first, count).hasSize((int) count)
              .doesNotHaveDuplicates().allMatch(i -> i >= from && i < end);
          assertThat(ScanRows.cover(first, count, n)).hasSizeLessThanOrEqualTo(3);
        }
      }
    }
  }
}
