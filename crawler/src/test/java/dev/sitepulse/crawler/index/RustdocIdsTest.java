package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RustdocIdsTest {

  @Test
  void aMembersIdNamesItByKindAndNameWithADashedCountForASecondOfTheName() {
    assertThat(RustdocIds.member("method.entry")).isEqualTo("entry");
    assertThat(RustdocIds.member("tymethod.next")).isEqualTo("next");
    assertThat(RustdocIds.member("method.fmt-1")).isEqualTo("fmt");
    assertThat(RustdocIds.member("associatedtype.Item")).isEqualTo("Item");
  }

  @Test
  void rustdocsOtherIdsNameNoMember() {
    assertThat(RustdocIds.member("impl-Debug")).isNull();
    assertThat(RustdocIds.member("examples-24")).isNull();
    assertThat(RustdocIds.member("implementations")).isNull();
    assertThat(RustdocIds.member("method.")).isNull();
  }

  @Test
  void aPageIsRustdocsWhenItsGeneratorSaysSoNotByItsTitleAlone() {
    assertThat(RustdocIds.generated("HashMap in std::collections - Rust", "rustdoc")).isTrue();
    assertThat(RustdocIds.generated("Ownership - Rust", null)).as("a blog post").isFalse();
    assertThat(RustdocIds.generated("Ownership - Rust", "WordPress 6.4")).isFalse();
  }

  @Test
  void aDeriveMacroIsToldByItsHeadingOrByItsCamelCasedNameAsAMacro() {
    assertThat(RustdocIds.derivesATrait(List.of("Derive Macro serde::Serialize"), "serde.Serialize")).isTrue();
    assertThat(RustdocIds.derivesATrait(List.of("Macro std::clone::Clone"), "std.clone.Clone")).as("built in").isTrue();
    assertThat(RustdocIds.derivesATrait(List.of("Macro std::vec"), "std.vec")).isFalse();
    assertThat(RustdocIds.derivesATrait(List.of("Trait std::clone::Clone"), "std.clone.Clone")).isFalse();
    assertThat(RustdocIds.derivesATrait(List.of(), "std.clone.Clone")).isFalse();
  }

  @Test
  void anItemIsItsSourceAndItsNameWhateverThePathItIsDocumentedUnder() {
    String source = "https://h/src/std/collections/hash/map.rs.html#213-215";
    assertThat(RustdocIds.item("https://h/std/collections/struct.HashMap.html", "HashMap in std::collections - Rust", List.of(), source))
        .isEqualTo(RustdocIds.item("https://h/std/collections/hash_map/struct.HashMap.html", "HashMap in std::collections::hash_map - Rust", List.of(), source))
        .isEqualTo("https://h/src/std/collections/hash/map.rs.html#213 HashMap");
    assertThat(RustdocIds.item("https://h/std/mem/fn.swap.html", "swap in std::mem - Rust", List.of(), "https://h/src/core/mem/mod.rs.html#711"))
        .as("a re-export may link the first line alone")
        .isEqualTo(RustdocIds.item("https://h/core/mem/fn.swap.html", "swap in core::mem - Rust", List.of(), "https://h/src/core/mem/mod.rs.html#711-744"));
    assertThat(RustdocIds.item("https://h/std/u8/constant.MAX.html", "MAX in std::u8 - Rust", List.of(), "https://h/src/core/num/shells/u8.rs.html#13"))
        .as("a macro's items share its place").isNotEqualTo(
            RustdocIds.item("https://h/std/u8/constant.MIN.html", "MIN in std::u8 - Rust", List.of(), "https://h/src/core/num/shells/u8.rs.html#13"));
    assertThat(RustdocIds.item("https://h/stable/std/primitive.u8.html", "u8 - Rust", List.of("Primitive Type u8"), null))
        .as("std's and core's of one build are one")
        .isEqualTo(RustdocIds.item("https://h/stable/core/primitive.u8.html", "u8 - Rust", List.of("Primitive Type u8"), null))
        .as("two builds on one host are two")
        .isNotEqualTo(RustdocIds.item("https://h/nightly/std/primitive.u8.html", "u8 - Rust", List.of("Primitive Type u8"), null));
    assertThat(RustdocIds.item("https://h/std/index.html", "Overview - Rust", List.of("Overview"), null)).isNull();
  }

  @Test
  void aModuleStdReExportsFromCoreOrAllocIsOneItemByItsPathAndAnotherCratesModuleByItsSource() {
    List<String> iter = List.of("Module std::iter");
    assertThat(RustdocIds.item("https://h/doc/std/iter/index.html", "std::iter - Rust", iter, "https://h/doc/src/core/lib.rs.html#318"))
        .isEqualTo(RustdocIds.item("https://h/doc/core/iter/index.html", "core::iter - Rust", List.of("Module core::iter"),
            "https://h/doc/src/core/iter/mod.rs.html#1-432"))
        .isEqualTo("module iter https://h/doc/");
    assertThat(RustdocIds.item("https://h/doc/std/os/unix/fs/index.html", "std::os::unix::fs - Rust", List.of("Module std::os::unix::fs"), null))
        .isNotEqualTo(RustdocIds.item("https://h/doc/std/fs/index.html", "std::fs - Rust", List.of("Module std::fs"), null));
    assertThat(RustdocIds.item("https://h/doc/tokio/sync/index.html", "tokio::sync - Rust", List.of("Module tokio::sync"),
        "https://h/doc/src/tokio/sync/mod.rs.html#1-500")).as("by its source").isEqualTo("https://h/doc/src/tokio/sync/mod.rs.html#1 sync");
    assertThat(RustdocIds.item("https://h/doc/std/index.html", "std - Rust", List.of("Crate std"), null)).isNull();
  }

  @Test
  void theTitleNamesTheItemAndItsModuleAsAPath() {
    assertThat(RustdocIds.documented("HashMap in std::collections - Rust")).isEqualTo("std.collections.HashMap");
    assertThat(RustdocIds.documented("std::collections::hash_map - Rust")).isEqualTo("std.collections.hash_map");
    assertThat(RustdocIds.documented("std - Rust")).isEqualTo("std");
    assertThat(RustdocIds.documented("List of all items in this crate - Rust")).isNull();
    assertThat(RustdocIds.documented("Rust and WebAssembly - Rust")).as("no item's name").isNull();
  }
}
