package cn.duban.common;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the application runs on: PostgreSQL in production, H2 as the embedded default. */
public final class Databases {

  private Databases() {
  }

  /** Whether the data source is PostgreSQL's (asked once, of one connection). */
  public static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
    return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
        DatabaseMetaData::getDatabaseProductName));
  }
}
