package dev.sitepulse.crawler.parse;

/**
 * A name that a definition term without an id defines within the section it is in: Sphinx writes
 * {@code :noindex:} entries ({@code list.append(x)} in the tutorial) without an id, and a link to
 * the name can only go to the section ({@link DefinitionTerms}).
 *
 * @param name the name, as the term's text starts with it
 * @param sectionId the id of the heading's section the term is in
 */
public record SectionTerm(String name, String sectionId) {}
