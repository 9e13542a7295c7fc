package dev.sitepulse.crawler.index;

import dev.sitepulse.crawler.parse.SectionTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which names a page defines, by what generated it: Sphinx, DocBook, Markdown generators, TypeDoc
 * and any site by their ids' shapes and the names the parser read under ids, javadoc
 * ({@link JavadocIds}) and rustdoc ({@link RustdocIds}) by their own.
 *
 * @param terms the names lower-cased, with their dotted tails, the last part of each dotted one
 *     after its dot ({@code .getcwd}), those definition terms' ids spell after a prefix after a
 *     {@code -} ({@code -print} for {@code to3fixer-print}, {@link PrefixedNames}), the word the
 *     URL names the page by after a slash
 *     ({@code /fs}, {@link UrlNames}), the keys of its glossary's entries ({@code ?decorator},
 *     {@link GlossaryTerms}), and {@link #EVERY_PAGE}: the {@code anchors} field's terms
 * @param lines sorted, each an id that is a name, or "name, tab, id" where the id is not the
 *     name: the {@code defined_ids} doc value
 */
record PageDefinitions(Set<String> terms, List<String> lines) {
  /**
   * Longer names are none anyone types, and one past Lucene's term limit would fail the page's
   * whole document.
   */
  private static final int MAX_NAME_LENGTH = 200;

  /**
   * A term of {@code anchors} on every page, which no id is ({@link ApiNames} takes no {@code #}):
   * BM25 weighs a name by how few of the pages with that field define it, and a page that defines
   * no API name must count among them, or a name on 2 of 3 such pages weighs next to nothing.
   */
  private static final String EVERY_PAGE = "#";

  /**
   * The names the page defines, for search to rank it first for them: ids that name an API, or
   * that a definition term has and a name could be (Sphinx's {@code <dt id="enumerate">}), the
   * names a definition term's id spells in another form (DocBook's {@code GUC-WORK-MEM}), the API
   * names that headings open with, as code under ids Markdown generators make of them (Docusaurus's
   * {@code dgramcreatesocketoptions-callback} for {@code dgram.createSocket(options)}) or after a
   * permalink (Doxygen's), and
   * each one's dotted tails (datetime.datetime.strftime is also datetime.strftime, as people write
   * a method), lower-cased as the query's words are: keyerror finds the page that defines KeyError.
   * A docs page has hundreds of section ids that search never looks up. One field of many terms:
   * a StringField per name cost the crawl about 0.08 CPU-s on the Python docs.
   */
  static PageDefinitions of(IndexedPage page) {
    List<String> names = new ArrayList<>();
    Set<String> terms = new LinkedHashSet<>();
    terms.add(EVERY_PAGE);
    boolean prefixed = false;
    boolean ided = true; // javadoc and rustdoc give every member an id
    if (JavadocIds.generated(page.anchors())) {
      addJavadocDefinitions(page, names, terms);
    } else if (RustdocIds.generated(page.title(), page.generator())) {
      addRustdocDefinitions(page, names, terms);
    } else {
      ided = false;
      for (String anchor : page.anchors()) {
        if (anchor.length() > MAX_NAME_LENGTH) {
          continue;
        }
        String termName = page.termNames().get(anchor);
        if (page.declaredElsewhereIds().contains(anchor)) {
          // TypeDoc's index and hierarchy list names their own pages define, and a Sphinx source
          // page's code blocks names the docs define (no term name: nothing); an inherited member
          // (Subject.pipe) is its declarer's by its name alone
          if (termName != null && ApiNames.isOne(termName)) {
            addPath(termName, anchor, names, terms);
          }
          continue;
        }
        if (ApiNames.isOne(anchor) || page.definitionIds().contains(anchor) && ApiNames.isIdentifier(anchor)) {
          addName(anchor, anchor, names, terms);
          continue;
        }
        String prefixedTerm = termName != null && page.definitionIds().contains(anchor)
            && PrefixedNames.spelledAfterPrefix(anchor, termName) ? PrefixedNames.of(termName) : null;
        if (prefixedTerm != null) {
          // GUC-WORK-MEM defines work_mem, to3fixer-print a print (a fixer): weighed below an id
          // that is the name, which is its definition (PrefixedNames)
          names.add(termName + "\t" + anchor);
          prefixed = true;
          terms.add(prefixedTerm);
        } else if (termName != null && (page.definitionIds().contains(anchor) || ApiNames.isOne(termName))) {
          // WORK-MEM defines work_mem; a heading only a name so shaped: `npm install` no npm
          addName(termName, anchor, names, terms);
        } else {
          // The module a Sphinx page defines (module-socket), which a search of its bare name finds.
          String module = ApiNames.moduleDefinedBy(anchor, page.title());
          if (module != null) {
            terms.add(module.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    if (prefixed) {
      PrefixedNames.dropWhereWhole(terms);
    }
    if (!ided) { // after the others: a name the page defines by an id is its definition
      addSectionTerms(page, names, terms);
    }
    for (String id : page.definitionIds()) {
      String entry = GlossaryTerms.ofId(id);
      if (entry != null) { // a term explained, which search weighs below a definition
        names.add(entry + "\t" + id);
        terms.add(entry);
      }
    }
    String urlName = UrlNames.of(page.url());
    if (urlName != null) { // no definition: search asks for it when no page defines the word
      terms.add(UrlNames.PREFIX + urlName);
    }
    Collections.sort(names);
    return new PageDefinitions(terms, names);
  }

  /**
   * The names that definition terms without an id open with ({@code parse.DefinitionTerms}), each
   * defined at its section's id ({@link SectionNames}): the tutorial's {@code list.append} at
   * {@code more-on-lists}, where Sphinx's {@code :noindex:} gave it none; not one the page defines
   * by an id too.
   */
  private static void addSectionTerms(IndexedPage page, List<String> names, Set<String> terms) {
    for (SectionTerm term : page.sectionTerms()) {
      String name = term.name();
      String sectionName = name.length() <= MAX_NAME_LENGTH ? SectionNames.of(name, terms) : null;
      if (sectionName != null && page.anchors().contains(term.sectionId())
          && !page.declaredElsewhereIds().contains(term.sectionId())) {
        names.add(name + "\t" + term.sectionId());
        terms.add(sectionName);
      }
    }
  }

  /**
   * A javadoc page's members ({@link JavadocIds}), each by its name and as Class.member, and the
   * class or package the page documents: when it has members (Files, Term) or is shaped as a name
   * (org.acme.index). Its dotted ids define nothing, nor do JDK 8's constructors (named as the
   * class: the class is the page itself).
   */
  private static void addJavadocDefinitions(IndexedPage page, List<String> names, Set<String> terms) {
    String documented = JavadocIds.documented(page.title());
    Set<String> headings = Set.copyOf(page.headings());
    boolean members = false;
    for (String id : page.anchors()) {
      String member = JavadocIds.member(id);
      if (member == null && headings.contains(id) && ApiNames.isIdentifier(id) && id.indexOf('.') < 0) {
        member = id; // a field or enum constant, ided and headed by its plain name: out, SECONDS
      }
      // The cap is on the name: JDK 17's ids spell each parameter's class in full.
      if (member != null && member.length() <= MAX_NAME_LENGTH && !member.equals(documented)) {
        members = true;
        addName(member, id, names, terms);
        if (documented != null) {
          addName(documented + "." + member, id, names, terms);
        }
      }
    }
    if (documented != null && (members || ApiNames.isOne(documented))) {
      String name = documented.toLowerCase(Locale.ROOT);
      terms.add(name);
      terms.addAll(ApiNames.dottedTails(name));
    }
  }

  /**
   * A rustdoc page's members ({@link RustdocIds}), each by its name and by its path
   * (std.collections.HashMap.entry, whose tails give HashMap.entry), and the item the page
   * documents, by its path, the path's tails and its own name, and that name as written with how
   * many parts the path has ({@link ItemDepth}). A method of a trait's
   * implementation defines only its path (Cloned.clone): its name is the trait's, which declares
   * it, where every type that implements the trait would define it too. Other ids define nothing,
   * and a derive macro's page nothing at all: it has its trait's name and path, which a query
   * means as the trait's (lower-cased, clone::Clone is also Clone.clone), and its one line, on
   * a page shorter than any trait's, ranked it first for both; its words still find it.
   */
  private static void addRustdocDefinitions(IndexedPage page, List<String> names, Set<String> terms) {
    String documented = RustdocIds.documented(page.title());
    if (RustdocIds.derivesATrait(page.headings(), documented)) {
      return;
    }
    for (String id : page.anchors()) {
      String member = id.length() > MAX_NAME_LENGTH ? null : RustdocIds.member(id);
      if (member != null) {
        if (!page.declaredElsewhereIds().contains(id)) {
          addName(member, id, names, terms);
        }
        if (documented != null) {
          addName(documented + "." + member, id, names, terms);
        }
      }
    }
    if (documented != null) {
      String path = documented.toLowerCase(Locale.ROOT);
      terms.add(path);
      terms.addAll(ApiNames.dottedTails(path));
      terms.add(path.substring(path.lastIndexOf('.') + 1));
      int parts = (int) path.chars().filter(c -> c == '.').count() + 1;
      if (parts <= ItemDepth.MAX_PARTS) { // in its own case: the module vec is no Vec
        terms.add(ItemDepth.term(documented.substring(documented.lastIndexOf('.') + 1), parts));
      }
    }
  }

  /** {@code name} and its dotted tails as terms, without its last part alone, and its line. */
  private static void addPath(String name, String id, List<String> names, Set<String> terms) {
    names.add(name + "\t" + id);
    String lower = name.toLowerCase(Locale.ROOT);
    terms.add(lower);
    terms.addAll(ApiNames.dottedTails(lower));
  }

  /**
   * {@code name} and its dotted tails as terms, and a line of {@link PageFields#DEFINED_IDS}: the
   * id, or "name, tab, id" where the id is not the name (javadoc's {@code commit()}).
   */
  private static void addName(String name, String id, List<String> names, Set<String> terms) {
    names.add(name.equals(id) ? id : name + "\t" + id);
    String lower = name.toLowerCase(Locale.ROOT);
    terms.add(lower);
    terms.addAll(ApiNames.dottedTails(lower));
    int lastDot = lower.lastIndexOf('.');
    if (lastDot > 0 && lastDot < lower.length() - 1) {
      terms.add(lower.substring(lastDot)); // .getcwd: for os.getcwd typed as its own name alone
    }
  }
}
