package dev.sitepulse.crawler.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * A connection whose statement inserting links runs out of memory as it takes its {@code n}th row,
 * the way a heap filled by a huge page would: an {@link Error} half-way through a writer's batch.
 */
final class OutOfMemoryAtLinkRow {

  private OutOfMemoryAtLinkRow() {}

  static Connection wrap(Connection c, int n) {
    return proxy(Connection.class, c, (method, args) -> {
      Object result = method.invoke(c, args);
      if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith("INSERT INTO links")) {
        return failingAt(n, (PreparedStatement) result);
      }
      return result;
    });
  }

  private static PreparedStatement failingAt(int n, PreparedStatement s) {
    int[] rows = {0};
    return proxy(PreparedStatement.class, s, (method, args) -> {
      if (method.getName().equals("addBatch") && ++rows[0] == n) {
        throw new OutOfMemoryError("Java heap space");
      }
      return method.invoke(s, args);
    });
  }

  private interface Call {
    Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler = (p, method, args) -> {
      try {
        return call.invoke(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
