package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JavadocIdsTest {

  @Test
  void aMemberIdNamesItsMethodInEveryJavadocsFormAndAFieldAsItIs() {
    assertThat(JavadocIds.member("commit()")).isEqualTo("commit");
    assertThat(JavadocIds.member("addDocument(java.lang.Iterable)")).isEqualTo("addDocument");
    assertThat(JavadocIds.member("foo(int[],java.lang.String...)")).isEqualTo("foo");
    assertThat(JavadocIds.member("commit--")).as("javadoc 8").isEqualTo("commit");
    assertThat(JavadocIds.member("document-int-")).as("javadoc 8").isEqualTo("document");
    assertThat(JavadocIds.member("MAX_DOCS")).isEqualTo("MAX_DOCS");
  }

  @Test
  void constructorsTypeParametersAndJavadocsOwnIdsNameNoMember() {
    assertThat(JavadocIds.member("<init>(boolean)")).isNull();
    assertThat(JavadocIds.member("walk(java.nio.file.Path)-type-param-T")).isNull();
    assertThat(JavadocIds.member("type-param-K")).isNull();
    assertThat(JavadocIds.member("methods.inherited.from.class.java.lang.Object")).isNull();
    assertThat(JavadocIds.member("navbar.top")).isNull();
    assertThat(JavadocIds.member("allclasses_navbar_top")).isNull();
    assertThat(JavadocIds.member("org.apache.lucene.search")).isNull();
    assertThat(JavadocIds.member("i0")).as("a table row").isNull();
    assertThat(JavadocIds.member("scoring")).as("a section").isNull();
  }

  @Test
  void theTitleNamesWhatThePageDocumentsOnlyWhenItIsThatNameAlone() {
    assertThat(JavadocIds.documented("IndexWriter (Lucene 9.12.3 core API)")).isEqualTo("IndexWriter");
    assertThat(JavadocIds.documented("IndexWriter.DocStats (Lucene 9.12.3 core API)")).isEqualTo("IndexWriter.DocStats");
    assertThat(JavadocIds.documented("ConcurrentHashMap")).isEqualTo("ConcurrentHashMap");
    assertThat(JavadocIds.documented("org.apache.lucene.search (Lucene 9.12.3 core API)"))
        .isEqualTo("org.apache.lucene.search");
    assertThat(JavadocIds.documented("Uses of Class org.apache.lucene.index.Term (Lucene 9.12.3 core API)")).isNull();
    assertThat(JavadocIds.documented("org.apache.lucene.search Class Hierarchy (Lucene 9.12.3 core API)")).isNull();
    assertThat(JavadocIds.documented("API Help")).isNull();
  }

  @Test
  void aPageIsJavadocsByTheTargetOfItsSkipNavigationLink() {
    assertThat(JavadocIds.generated(Set.of("navbar.top", "skip.navbar.top", "commit()"))).isTrue();
    assertThat(JavadocIds.generated(Set.of("navbar-top", "skip-navbar-top"))).isTrue();
    assertThat(JavadocIds.generated(Set.of("os.path.join", "module-os.path"))).isFalse();
    assertThat(JavadocIds.generated(Set.of("navbar-top", "main_content"))).as("a Bootstrap theme's bar").isFalse();
  }

  @Test
  void aUsesPageIsJavadocsByItsTitle() {
    assertThat(JavadocIds.listsUses(Set.of("skip.navbar.top"), "Uses of Class org.acme.Writer (Acme 1.0 API)")).isTrue();
    assertThat(JavadocIds.listsUses(Set.of("skip.navbar.top"), "Uses of Package org.acme")).isTrue();
    assertThat(JavadocIds.listsUses(Set.of("skip.navbar.top"), "Writer (Acme 1.0 API)")).isFalse();
    assertThat(JavadocIds.listsUses(Set.of(), "Uses of Python in science")).as("not javadoc's").isFalse();
  }
}
