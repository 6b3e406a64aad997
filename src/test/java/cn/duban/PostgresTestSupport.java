package cn.duban;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests on the production configuration (profile {@code postgres}, configured by the environment
 * variables the README documents) against a real PostgreSQL with the job executor running.
 */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "duban.calendar.holiday-dir=target/no-holiday-overrides"})
@ActiveProfiles({"postgres", "demo-organization"})
// closed after the class, so its job executor stops before the database does
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class PostgresTestSupport extends ProcessTestSupport {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
