package dev.sitepulse.crawler.search.internal.query;

import dev.sitepulse.crawler.index.PageFields;
import dev.sitepulse.crawler.search.InvalidQueryException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * {@code host:127.0.0.1:8092}, a host with its port, as a crawl's seeds and output write it. The
 * index holds a page's host without its port, so {@code host:127.0.0.1} finds every port of it; a
 * port is in the page's URL, which this query reads: the URLs that start with
 * {@code http://127.0.0.1:8092/} or {@code https://…}, or with no port for the scheme's own (80,
 * 443). It names the host field, so that it narrows a query of words as {@code host:} does
 * ({@link WhereFilters}). Unquoted, the grammar took the port's colon for a second field's: it is
 * escaped before parsing ({@link #portColonAt}).
 */
final class HostPorts extends Query {
  /** A host, then a colon and a port, as a field's whole value. */
  private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d+)");
  /** An unquoted {@code host:NAME:PORT} word; group 1 ends at the port's colon. */
  private static final Pattern TYPED = Pattern.compile("(?<![^\\s(+\\-!])(host:[^\\s:()\"\\\\\\[\\]{}]+):\\d+(?=$|[\\s)])");

  private final String host;
  private final int port;

  private HostPorts(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** The pages of {@code value}'s host on its port; null when it names no port; an error for a port or a path no host has. */
  static Query of(String query, String value) throws QueryErrors.Placed {
    if (value.indexOf('/') >= 0) { // a URL's, which no host holds
      int at = query.indexOf(value);
      throw new QueryErrors.Placed("host takes a host name, maybe with its port (host:docs.python.org,"
          + " host:127.0.0.1:8092), not " + InvalidQueryException.quoted(value), at < 0 ? -1 : at + 1);
    }
    Matcher m = HOST_PORT.matcher(value.trim());
    if (!m.matches() || m.group(1).endsWith(":")) { // [::1] alone is no host and port
      return null;
    }
    long port = m.group(2).length() > 5 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
    if (port < 1 || port > 65535) {
      int at = query.indexOf(value);
      at = at >= 0 ? at : query.indexOf(m.group(1) + "\\:"); // as the grammar was given it
      throw new QueryErrors.Placed("host " + value + " has a port outside 1 to 65535", at < 0 ? -1 : at + 1);
    }
    return new HostPorts(m.group(1).toLowerCase(Locale.ROOT), (int) port);
  }

  /** Whether the colon at {@code index} of {@code query} is a port's, in an unquoted {@code host:NAME:PORT}. */
  static boolean portColonAt(String query, int index) {
    Matcher m = TYPED.matcher(query);
    while (m.find()) {
      if (m.end(1) == index) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String start : urlStarts()) {
      any.add(new PrefixQuery(new Term(PageFields.URL, start)), Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }

  private List<String> urlStarts() {
    String withPort = host + ":" + port + "/";
    return port == 80 ? List.of("http://" + withPort, "http://" + host + "/")
        : port == 443 ? List.of("https://" + withPort, "https://" + host + "/")
        : List.of("http://" + withPort, "https://" + withPort);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.acceptField(PageFields.HOST); // what it means; no word of it is marked in a snippet
  }

  @Override
  public String toString(String field) {
    return PageFields.HOST + ":" + host + ":" + port;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && host.equals(((HostPorts) other).host) && port == ((HostPorts) other).port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), host, port);
  }
}
