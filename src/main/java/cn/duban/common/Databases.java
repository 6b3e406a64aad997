package cn.duban.common;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the application runs on: PostgreSQL in production, H2 as the embedded default. */
public final class Databases {

  private Databases() {
  }

  /** Whether the data source is PostgreSQL's (asked once, of one connection). */
  public static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
    return JdbcUtils.extractDatabaseMetaData(dataSource, Databases::isPostgres);
  }

  /** Whether a connection's database, as its metadata names it, is PostgreSQL. */
  public static boolean isPostgres(DatabaseMetaData metaData) throws SQLException {
    return "PostgreSQL".equals(metaData.getDatabaseProductName());
  }
}
