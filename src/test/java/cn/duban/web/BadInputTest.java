package cn.duban.web;

import cn.duban.complaint.PublicSubmissionLimiter;
import cn.duban.ProcessTestSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bad-input matrix ({@link BadInputMatrix}) on the embedded default, H2. */
class BadInputTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired PublicSubmissionLimiter publicLimit;

  @TestFactory
  @DisplayName("bad input on H2: never a 5xx, a Chinese message naming the field, nothing stored")
  Stream<DynamicTest> badInput() {
    return new BadInputMatrix(new BadInputMatrix.Setup(port, engine, dataSource, "duban2026", "duban2026", false,
        this::register, this::signFor, pi -> caseOf(pi).getId(), publicLimit::reset)).tests();
  }
}
