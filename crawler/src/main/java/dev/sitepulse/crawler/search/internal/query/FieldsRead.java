package dev.sitepulse.crawler.search.internal.query;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/** The fields a query reads, in the order it names them, excluded clauses' too. */
final class FieldsRead {

  private FieldsRead() {}

  static Set<String> of(Query query) {
    Set<String> fields = new LinkedHashSet<>();
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return fields;
  }
}
