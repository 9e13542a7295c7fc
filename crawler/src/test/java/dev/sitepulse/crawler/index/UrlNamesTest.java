package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "https://nodejs.org/api/fs.html                  | fs",
        "https://nodejs.org/api/child_process.html?x=1#a | child_process",
        "http://127.0.0.1:18050/std/fs/index.html        | fs",
        "https://docs.example/Tutorial/                   | tutorial",
        "https://docs.example/guide/Regex                 | regex",
        "https://docs.example/                            | none",
        "https://docs.example/index.html                  | none",
        "https://docs.example/getting-started.html        | none",
        "https://doc.rust-lang.org/std/vec/struct.Vec.html | none",
        "https://docs.python.org/3/library/os.path.html  | none",
        "https://docs.example/v2.0                        | none",
        "https://docs.example                             | none",
      })
  void aUrlNamesItsPageByItsFileOrAnIndexPagesFolderWhenThatIsAName(String url, String name) {
    assertThat(UrlNames.of(url)).isEqualTo(name);
  }
}
