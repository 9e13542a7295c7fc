package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexDamage;
import dev.sitepulse.crawler.index.IndexErrors;
import dev.sitepulse.crawler.index.PageFields;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Ranked full-text search over the last commit of a {@link dev.sitepulse.crawler.index.PageIndex}.
 *
 * <p>Queries use Lucene's classic syntax: AND/OR/NOT (OR by default, with pages that have every
 * word first: {@link AllWordsFirst}), "phrases", prefix*, and
 * field:term for title, headings, description, body, host, url, lang, status and fetched_at. In a
 * url, ':' and '/' are syntax: quote a whole url ({@code url:"https://h/p.html"}) or escape them in
 * a prefix ({@code url:https\:\/\/h\/guide\/*}). Ranking is BM25, with pages made mostly of links
 * ranked lower ({@link LinkTextDamping}), and a page that copies much of its site ({@link SiteCopies}). A query with a word no page has comes with its misspelt
 * words corrected, when that finds pages ({@link DidYouMean}). One IndexSearcher is opened per
 * instance and reused: open once, then search from any number of threads.
 */
public final class PageSearcher implements Closeable {
  private final Path dir;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final SnippetHighlighter highlighter;
  private final SectionSnippets sectionSnippets;
  private final SiteTitles siteTitles;
  private final HitFields hitFields;
  private final DidYouMean didYouMean;
  /**
   * Each query's score per page, last: by its link text and whether it copies its site; read at the
   * first search ({@link #weighting()}), where a damaged index fails as a search does.
   */
  private volatile LinkTextDamping weighting;

  /**
   * For the highlighter, a prefix (wildcard, fuzzy, regex) term becomes the terms it matches, at
   * most 64 of them. Handed the prefix itself, the highlighter runs every term of the body field
   * through the prefix's automaton for every hit: decorator* (and its stem, decor*) took 19.5 ms
   * on the Python docs.
   */
  private static final MultiTermQuery.RewriteMethod EXPANDED =
      new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64);

  /**
   * Prefix, wildcard, fuzzy and regex terms whose matches snippets mark: each field's, and a
   * prefix's stem, count apart, so the first 12 or so such words of a query. Their 64 words each
   * stay within the clause limit with room for the query's other words.
   */
  private static final int MAX_MARKED_MULTI_TERMS = 96;

  /**
   * Every word is looked up in four fields, so Lucene's default of 1,024 clauses refused a pasted
   * paragraph of 300 words. This many takes 2,000 words; the limit is Lucene's, per JVM.
   */
  private static final int MAX_CLAUSES = 8192;
  private static final String TOO_LONG =
      "it has too many words and terms to look up (at most " + MAX_CLAUSES + ", each word counted once per field)";

  static {
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
  }

  private PageSearcher(Path dir, Directory directory, DirectoryReader reader) {
    this.dir = dir;
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.analyzer = PageFields.analyzer();
    this.highlighter = new SnippetHighlighter(searcher, analyzer);
    this.sectionSnippets = new SectionSnippets(searcher, analyzer);
    this.hitFields = new HitFields(reader);
    this.siteTitles = new SiteTitles(searcher, hitFields);
    this.didYouMean = new DidYouMean(reader, analyzer);
  }

  /**
   * Opens the last commit in {@code indexDir}; fails, creating nothing, when there is none.
   *
   * @throws NoCommitException when the folder holds no commit yet
   * @throws UncheckedIOException with a one-line message when the index cannot be read
   */
  public static PageSearcher open(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      throw new UncheckedIOException(
          "no index at " + indexDir, new NoSuchFileException(indexDir.toString()));
    }
    Directory directory = null;
    try {
      directory = FSDirectory.open(indexDir);
      DirectoryReader reader = DirectoryReader.open(directory);
      if (!holdsPages(reader)) {
        reader.close();
        throw new IOException("not a sitepulse index: its documents have no url field");
      }
      return new PageSearcher(indexDir, directory, reader);
    } catch (IndexNotFoundException e) {
      closeQuietly(directory);
      throw new NoCommitException(indexDir, e);
    } catch (IOException | RuntimeException e) {
      // Lucene's word for a codec this version lacks; else damage, checked while the folder is open.
      RuntimeException failure = e instanceof IllegalArgumentException unknown
          && IndexErrors.unknownCodec(indexDir, unknown) instanceof UncheckedIOException codec
          ? codec : IndexDamage.failure("cannot open index " + indexDir, e, directory);
      closeQuietly(directory);
      throw failure;
    }
  }

  /**
   * Another program's Lucene index opens as well, and its hits would come without URL or title.
   * An index without documents (a crawl that indexed nothing) has no fields to tell by.
   */
  private static boolean holdsPages(DirectoryReader reader) {
    return reader.numDocs() == 0 || FieldInfos.getMergedFieldInfos(reader).fieldInfo(PageFields.URL) != null;
  }

  /**
   * The best {@code limit} pages for {@code query}, read in Unicode's compatibility form (NFKC):
   * full-width letters an input method types, or an accent typed as a combining mark, are the
   * letters pages are written in, as a full-width colon is a field's colon. Names written as code
   * writes them, {@code HashMap::entry} or {@code IndexWriter.commit()}, read as names
   * ({@link CodeSpelling}). The results name the query as typed.
   *
   * @throws InvalidQueryException when the query does not parse; its message is one line
   */
  public SearchResults search(String typed, int limit) throws InvalidQueryException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    CodeSpelling.Reading reading = CodeSpelling.read(Normalizer.normalize(typed, Normalizer.Form.NFKC));
    String query = reading.text();
    long started = System.nanoTime();
    Map<String, String> paths = pathsNoPageDefines(reading);
    PageQueryParser parser = parser(null, paths);
    Query parsed;
    try {
      parsed = parse(parser, query);
    } catch (InvalidQueryException e) {
      // Only a stop word: a malformed query (print(, zip", open~2.5) is an error, defined or not.
      if (!QueryErrors.OnlyStopWords.isCauseOf(e) || !namesADefinition(query)) {
        // Said of the query as typed, not of the quotes and dots the grammar was given.
        throw reading.changed() ? e.in(reading.typed(), reading.typedColumn(e.column())) : e;
      }
      parsed = new BooleanQuery.Builder().build(); // into, as, then: left out of the text, matched as names
    }
    try {
      // A queue no longer than the index.
      int size = Math.max(1, Math.min(limit, reader.maxDoc()));
      // A page that defines the query's words run together has them all (switchMap for switch map,
      // logging.basicConfig for logging basic config).
      // The names and phrases are read in the words beside its where-filters (host:, lang:…), which
      // narrow every query below: host:docs zip ranks as zip does, on that host.
      Query where = WhereFilters.of(parsed);
      String words = where == null ? query : WhereFilters.wordsBeside(query);
      boolean listing = WhereFilters.only(parsed);
      String beside = listing ? WhereFilters.wordsBeside(query) : "";
      // host:docs for: the parse left the stop word out, but it names a definition, found on those pages.
      boolean nameBesideFilters = !beside.isEmpty() && namesADefinition(beside);
      if (nameBesideFilters) {
        where = parsed;
        words = beside;
        parsed = new BooleanQuery.Builder().build();
        listing = false;
      }
      String runTogether = wholeQueryDefined(words);
      String member = runTogether == null ? memberDefined(words) : null;
      Query wholeName = runTogether != null
          ? DefinitionQueries.ofRunTogether(runTogether, QueryWords.of(words).size(), hitFields::definedWhole)
          : member != null ? DefinitionQueries.ofMember(member, hitFields::definedWhole) : null;
      Query allWords = either(nameBesideFilters ? null : parser.allWords(query, parsed), wholeName);
      // The same phrases and definitions boost both.
      List<String> names = namesLookedUp(words);
      List<String> ids = DefinedNames.withPartlyRunTogetherNames(words, DefinedNames.withRunTogetherNames(words,
          DefinedNames.withSpacedNames(words, names, hitFields::definedSomewhere), hitFields::pagesDefining),
          hitFields::definedSomewhere);
      String entry = DefinedNames.glossaryEntry(words, hitFields::definedSomewhere);
      if (entry != null || member != null) { // linked as a definition is: decorator to the glossary's #term-decorator
        ids = new ArrayList<>(ids);
        ids.add(entry != null ? entry : member);
      }
      Query definitions = either(DefinitionQueries.of(ids, hitFields::definedWhole), wholeName);
      // A query that is one name matches its definitions too (matches); otherwise they rank.
      boolean oneName = DefinedNames.isOneBareName(words, names);
      Query matches = matches(words, parsed, names);
      Query boost = oneName
          ? either(either(parser.proximityBoost(words), DefinitionQueries.shallowestItems(words, hitFields::firstDefinedStartingWith)),
              entry == null ? null : DefinitionQueries.of(List.of(entry), hitFields::definedWhole))
          : either(parser.proximityBoost(words), definitions);
      Query ranked = WhereFilters.within(PageQueryParser.boosted(matches, boost), where);
      Query rankedAllWords = allWords == null ? null : WhereFilters.within(PageQueryParser.boosted(allWords, boost), where);
      LinkTextDamping weighting = weighting();
      TopDocs top = listing ? UrlOrder.top(searcher, parsed, size)
          : OneHitPerItem.best(n -> AllWordsFirst.search(searcher, ranked, rankedAllWords, weighting::weighted, n),
              size, reader.maxDoc(), hitFields);
      TopDocs inNames = top.totalHits.value == 0 && !listing ? inNameParts(query, size) : null;
      top = inNames != null ? inNames : top;
      Query marked = either(forHighlighting(query, parsed, paths), DefinitionQueries.inBody(ids, analyzer));
      String[] linked = new String[top.scoreDocs.length]; // the definition each hit links to, if any
      for (int i = 0; i < linked.length; i++) {
        linked[i] = ids.isEmpty() ? null : DefinedNames.anchorIn(hitFields.definedNames(top.scoreDocs[i].doc), ids);
      }
      Snippet[] snippets = snippets(marked, top.scoreDocs, linked);
      List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
      for (int i = 0; i < top.scoreDocs.length; i++) {
        ScoreDoc scoreDoc = top.scoreDocs[i];
        String definition = linked[i];
        String url = hitFields.url(scoreDoc.doc);
        String title = hitFields.title(scoreDoc.doc);
        hits.add(
            new SearchHit(
                url,
                title,
                scoreDoc.score,
                snippets[i].text(),
                snippets[i].highlights(),
                definition != null ? definition : sectionOrTop(scoreDoc.doc, ids, snippets[i]),
                definition != null,
                siteTitles.siteOf(originOf(url), title)));
      }
      // A query whose words are all on some page pays a few term lookups for this, no more.
      String correction = correction(reading, paths, top.totalHits.value > 0);
      return new SearchResults(typed, top.totalHits.value, hits, System.nanoTime() - started, correction);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(query, TOO_LONG, -1, e);
    } catch (IOException | RuntimeException e) {
      throw IndexDamage.failure("cannot search index " + dir, e, reader);
    }
  }

  /**
   * Each hit's snippet: a hit that links to a definition the page marks out has it from there
   * ({@link SectionSnippets}), the rest from the passages of their page that match best.
   */
  private Snippet[] snippets(Query marked, ScoreDoc[] hits, String[] definitions) throws IOException {
    Snippet[] snippets = new Snippet[hits.length];
    List<Integer> others = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      int[] section = definitions[i] == null ? null : hitFields.sectionRange(hits[i].doc, definitions[i]);
      if (section != null) { // marked with the name as the page writes it: getcwd is os.getcwd there
        Query named = either(marked, DefinitionQueries.inBody(List.of(definitions[i]), analyzer));
        snippets[i] = sectionSnippets.within(named, hits[i], section);
      } else {
        others.add(i);
      }
    }
    Snippet[] best = highlighter.snippets(marked, others.stream().map(i -> hits[i]).toArray(ScoreDoc[]::new));
    for (int k = 0; k < best.length; k++) {
      snippets[others.get(k)] = best[k];
    }
    return snippets;
  }

  /** The site a page's URL is on, as its URLs start: {@code http://127.0.0.1:8092/}; the URL itself if it has no path. */
  private static String originOf(String url) {
    int scheme = url.indexOf("://");
    int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return path < 0 ? url : url.substring(0, path + 1);
  }

  /**
   * The name some page defines that the query's words make run together or joined by underscores
   * ({@link DefinedNames#runTogether}), joined by dots ({@link DefinedNames#dotted}), or partly run
   * together and partly dotted ({@link DefinedNames#partlyRunTogether}); else the last part
   * ({@code .namedtuple}) that a few pages' names end in run together or joined by underscores
   * ({@link DefinedNames#lastPartDefined}); null when there is none.
   */
  private String wholeQueryDefined(String query) {
    List<String> runTogether = DefinedNames.runTogether(query);
    if (runTogether.isEmpty()) {
      return null;
    }
    String whole = runTogether.stream().filter(hitFields::definedSomewhere).findFirst().orElse(null);
    if (whole != null) {
      return whole;
    }
    String dotted = DefinedNames.dotted(query);
    if (hitFields.definedSomewhere(dotted)) {
      return dotted;
    }
    String partly = DefinedNames.partlyRunTogether(query).stream().filter(hitFields::definedSomewhere).findFirst().orElse(null);
    if (partly != null) {
      return partly;
    }
    return runTogether.stream().map(name -> DefinedNames.lastPartDefined(name, hitFields::pagesDefining))
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  /**
   * The query's two words as a module and the last part of a name some page defines
   * ({@link DefinedNames#member}: {@code pathlib glob} for pathlib.Path.glob), when some page
   * defines each; else null.
   */
  private String memberDefined(String query) {
    String member = DefinedNames.member(query);
    return member != null && DefinedNames.memberTerms(member).stream().allMatch(hitFields::definedSomewhere) ? member : null;
  }

  /**
   * The query's {@code ::} paths ({@link CodeSpelling.Reading#paths}) that no page defines, to be
   * looked for in the text as written too. A path that names a definition finds it, and only it,
   * as a name: rustdoc's Map struct page, which writes "Iterator::map", came before the method.
   */
  private Map<String, String> pathsNoPageDefines(CodeSpelling.Reading reading) {
    Map<String, String> paths = new HashMap<>(reading.paths());
    paths.keySet().removeIf(name -> hitFields.definedSomewhere(name.toLowerCase(Locale.ROOT)));
    return paths;
  }

  /** The names a query types ({@link DefinedNames#names}), each as the index knows it ({@link DefinedNames#orLastParts}). */
  private List<String> namesLookedUp(String query) {
    return DefinedNames.orLastParts(DefinedNames.names(query), hitFields::pagesDefining);
  }

  /**
   * Whether the query is one name some page defines, which the grammar refused: a single word can
   * only be refused as a stop word, one the index leaves out of the text, while an API may name a
   * method so (Rust's {@code into} and {@code then}, Java's {@code of}, {@code and}, {@code or}).
   */
  private boolean namesADefinition(String query) {
    List<String> names = DefinedNames.names(query);
    return DefinedNames.isOneBareName(query, names) && hitFields.definedSomewhere(names.get(0));
  }

  /**
   * The heading or definition term whose section the snippet's best passage is from; null for the
   * page's top, where a query names what the whole page defines ({@code TopDocs} for
   * TopDocs.html, {@code socket} for the socket module's page) rather than a member of it.
   */
  private String sectionOrTop(int doc, List<String> ids, Snippet snippet) throws IOException {
    return !ids.isEmpty() && hitFields.definesAny(doc, ids) ? null : hitFields.sectionAt(doc, snippet.focus());
  }

  /**
   * The query's words looked for among the parts of the names pages write ({@code createSocket} in
   * {@code dgram.createSocket()}): only when the text has none of them, so that a part never
   * outranks the words themselves, and only for plain words. Null for another query.
   */
  private TopDocs inNameParts(String query, int size) throws IOException {
    BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
    for (String word : query.strip().split("\\s+")) {
      if (!isPlainName(word)) {
        return null; // a phrase, a field, an operator: meant for the text
      }
      anyWord.add(new TermQuery(new Term(PageFields.NAME_PARTS, word.toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.SHOULD);
    }
    Query anyPart = anyWord.build();
    LinkTextDamping weighting = weighting();
    return OneHitPerItem.best(n -> AllWordsFirst.search(searcher, anyPart, null, weighting::weighted, n),
        size, reader.maxDoc(), hitFields);
  }

  private static boolean isPlainName(String word) {
    return !word.isEmpty() && !PageQueryParser.OPERATORS.contains(word)
        && word.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
  }

  /**
   * What the query matches, without what ranks: a query that is one name finds its definition even
   * where the text writes the name whole (Circle.area is a word of its own; the page has
   * shapes.Circle.area), weighed more where the site has no page of its own on the word ({@link PagesOnAWord}).
   */
  private Query matches(String query, Query parsed, List<String> names) {
    return DefinedNames.isOneBareName(query, names)
        ? either(parsed, DefinitionQueries.ofOneName(names, this::pageOnTheWord, hitFields::definedWhole))
        : parsed;
  }

  /** {@link PagesOnAWord#exist}, its IOException passed on unchecked, as {@link HitFields} does. */
  private boolean pageOnTheWord(String word) {
    try {
      return PagesOnAWord.exist(word, reader, hitFields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The query as typed with its misspelt words corrected, when that finds pages: a correction of
   * one word among others that still find nothing together ({@code asyncoi AND pathlib}) is no
   * help. The words are found and tried in the query the grammar reads.
   */
  private String correction(CodeSpelling.Reading reading, Map<String, String> paths, boolean found) throws IOException {
    List<Correction> corrections = new ArrayList<>(didYouMean.corrections(reading.text()));
    if (found) {
      // A path that found pages is no typo, though no page's text has String.from (or, where
      // rustdoc defines Vec.new, vec.new) as one word: "did you mean: Vec::len" was no help.
      corrections.removeIf(c -> reading.inPath(c.start()));
    }
    if (corrections.isEmpty()) {
      return null;
    }
    String corrected = Correction.applied(reading.text(), corrections);
    try {
      PageQueryParser parser = parser(null, paths);
      Query parsed = parse(parser, corrected);
      // A query that found pages through its other words needs a correction that some page has
      // with them all: "pandas dataframe" found the pandas pages, and is no "pandas datagram".
      Query allWords = found ? parser.allWords(corrected, parsed) : null;
      List<String> names = namesLookedUp(corrected);
      Query needed = allWords != null ? allWords : matches(corrected, parsed, names);
      return searcher.count(needed) > 0 ? reading.typedWith(corrections) : null;
    } catch (InvalidQueryException | IndexSearcher.TooManyClauses e) {
      return null; // only words changed, so it parses as the query did; but no suggestion is better than an error
    }
  }

  /** The weighting, its copies of a site found at the first call; two threads may both find them. */
  private LinkTextDamping weighting() throws IOException {
    LinkTextDamping found = weighting;
    if (found == null) {
      found = LinkTextDamping.with(SiteCopies.in(reader));
      weighting = found;
    }
    return found;
  }

  /** Either query, or both as alternatives whose scores add up; null for neither. */
  private static Query either(Query a, Query b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new BooleanQuery.Builder()
        .add(a, BooleanClause.Occur.SHOULD)
        .add(b, BooleanClause.Occur.SHOULD)
        .build();
  }

  /** Documents in the opened commit. */
  int docCount() {
    return reader.numDocs();
  }

  /**
   * The query with its prefix (wildcard, fuzzy, regex) terms expanded, when it has any and the
   * expansion stays within Lucene's clause limit; else the query as parsed, which the highlighter
   * handles too, only slower. Several short prefixes over four fields can pass the limit (64
   * terms × 4 fields × the stem's second prefix each), and the search itself did not need it.
   */
  private Query forHighlighting(String query, Query parsed, Map<String, String> paths)
      throws IOException, InvalidQueryException {
    if (!hasMultiTermQuery(parsed)) {
      return withoutExclusions(parsed);
    }
    Query marked = withoutExclusions(parsed);
    try {
      Query expanded = FirstMultiTerms.of(withoutExclusions(parse(parser(EXPANDED, paths), query)), MAX_MARKED_MULTI_TERMS);
      return expanded == null ? marked : searcher.rewrite(expanded);
    } catch (IndexSearcher.TooManyClauses e) {
      return FirstMultiTerms.of(marked, MAX_MARKED_MULTI_TERMS);
    }
  }

  /**
   * The highlighter marks, in the body, the words of every text field, so an exclusion from one
   * ({@code -title:timeouts}) was held against the body: on a page whose body has that word, no
   * word at all was marked. Excluded words are never marked, so they can go, and so can a
   * field's any value ({@code body:*}), which marked every word.
   */
  private static Query withoutExclusions(Query query) {
    if (query instanceof BoostQuery boosted) {
      return new BoostQuery(withoutExclusions(boosted.getQuery()), boosted.getBoost());
    }
    if (PageQueryParser.isAnyValue(query)) { // title:*, every word of the field: no word to mark
      return new BooleanQuery.Builder().build();
    }
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    BooleanQuery.Builder kept =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    for (BooleanClause clause : bool.clauses()) {
      // A where-filter (lang:en) is no word of the text either: its value marked "en" in bodies.
      if (clause.getOccur() != BooleanClause.Occur.MUST_NOT && clause.getOccur() != BooleanClause.Occur.FILTER) {
        kept.add(withoutExclusions(clause.getQuery()), clause.getOccur());
      }
    }
    return kept.build();
  }

  private static boolean hasMultiTermQuery(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        found[0] = true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }

  /**
   * @param rewrite how prefix, wildcard, fuzzy and regex terms rewrite; null for the parser's default
   * @param paths the query's {@code ::} paths ({@link CodeSpelling.Reading#paths})
   */
  private PageQueryParser parser(MultiTermQuery.RewriteMethod rewrite, Map<String, String> paths) {
    PageQueryParser parser = new PageQueryParser(analyzer, paths);
    if (rewrite != null) {
      parser.setMultiTermRewriteMethod(rewrite);
    }
    return parser;
  }

  private static Query parse(PageQueryParser parser, String query) throws InvalidQueryException {
    if (query == null || query.isBlank()) {
      throw new InvalidQueryException(query == null ? "" : query, "the query is empty", -1, null);
    }
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses) { // one clause list past it already
        throw new InvalidQueryException(query, TOO_LONG, -1, e);
      }
      throw QueryErrors.of(query, e);
    }
  }

  @Override
  public void close() {
    try (directory;
        reader;
        analyzer) {
      // All closed by try-with-resources, in reverse order.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException | RuntimeException suppressed) {
        // Already failing with the more useful exception.
      }
    }
  }
}
