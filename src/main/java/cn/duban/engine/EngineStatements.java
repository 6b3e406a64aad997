package cn.duban.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Statements of the project's own in the engine's MyBatis configuration, run through the engine's
 * session like its own: in the command's transaction, with its table prefix, batched with its flush.
 */
final class EngineStatements {

  private EngineStatements() {
  }

  /** Adds a mapper of this namespace holding these statements (MyBatis mapper XML without the root). */
  static void add(ProcessEngineConfigurationImpl configuration, String namespace, String statements) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    String mapper = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <mapper namespace="%s">
        %s
        </mapper>
        """.formatted(namespace, statements);
    new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(UTF_8)), mybatis, "duban:" + namespace,
        mybatis.getSqlFragments()).parse();
  }
}
