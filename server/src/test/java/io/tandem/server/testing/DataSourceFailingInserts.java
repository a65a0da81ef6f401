package io.tandem.server.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that makes chosen inserts into {@code tenant_event} fail, as a lost connection
 * would: the inserts are counted from 1 across all connections, and those whose number is in the
 * given set throw {@link SQLException} instead of running. Everything else reaches the real
 * database.
 */
public final class DataSourceFailingInserts extends DelegatingDataSource {

  private final Set<Integer> failing;
  private final AtomicInteger inserts = new AtomicInteger();

  public DataSourceFailingInserts(DataSource target, Set<Integer> failing) {
    super(target);
    this.failing = Set.copyOf(failing);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = obtainTargetDataSource().getConnection();
    return proxy(
        Connection.class,
        connection,
        (target, method, args) -> {
          Object result = invoke(target, method, args);
          if (method.getName().equals("prepareStatement")
              && ((String) args[0]).toLowerCase().contains("insert into tenant_event")) {
            return proxy(PreparedStatement.class, result, this::failChosenUpdates);
          }
          return result;
        });
  }

  private Object failChosenUpdates(Object statement, Method method, Object[] args)
      throws Throwable {
    if (method.getName().equals("executeUpdate") && failing.contains(inserts.incrementAndGet())) {
      throw new SQLException("injected failure of insert " + inserts.get(), "08006");
    }
    return invoke(statement, method, args);
  }

  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
