package cn.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house's one-way dependencies (docs/architecture.md): web and the dashboard use the domains;
 * the domains (supervision, complaint, accountability, assessment) use the shared parts (ledger,
 * notice, calendar, organization, engine, common, message); nothing runs back up.
 */
@AnalyzeClasses(packages = "cn.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAINS = {"cn.duban.supervision..", "cn.duban.complaint..", "cn.duban.accountability..", "cn.duban.assessment.."};

  @ArchTest
  static final ArchRule ledgerKnowsNoDomain = noClasses().that().resideInAPackage("cn.duban.ledger..")
      .should().dependOnClassesThat().resideInAnyPackage(DOMAINS)
      .orShould().dependOnClassesThat().resideInAnyPackage("cn.duban.organization..", "cn.duban.calendar..", "cn.duban.notice..",
          "cn.duban.web..", "cn.duban.dashboard..", "cn.duban.engine..")
      .because("every domain books into the ledger and the assessment reads it; it knows none of them");

  @ArchTest
  static final ArchRule noDomainUsesTheAssessment = noClasses().that()
      .resideOutsideOfPackages("cn.duban.assessment..", "cn.duban.web..", "cn.duban.dashboard..")
      .should().dependOnClassesThat().resideInAPackage("cn.duban.assessment..")
      .because("the annual assessment reads the ledger and the domains; none of them reads it");

  @ArchTest
  static final ArchRule noDomainUsesTheBulletins = noClasses().that()
      .resideOutsideOfPackages("cn.duban.bulletin..", "cn.duban.web..", "cn.duban.dashboard..")
      .should().dependOnClassesThat().resideInAPackage("cn.duban.bulletin..")
      .because("the bulletin (R34) reads the cases, notices and ledger; none of them reads it");

  @ArchTest
  static final ArchRule sharedPartsKnowNoDomain = noClasses().that()
      .resideInAnyPackage("cn.duban.ledger..", "cn.duban.notice..", "cn.duban.calendar..", "cn.duban.organization..", "cn.duban.engine..", "cn.duban.common..",
          "cn.duban.message..")
      .should().dependOnClassesThat().resideInAnyPackage(DOMAINS)
      .because("the domains use the shared parts, never the other way round");

  @ArchTest
  static final ArchRule domainsKnowNoWebLayer = noClasses().that().resideInAnyPackage(DOMAINS)
      .should().dependOnClassesThat().resideInAnyPackage("cn.duban.web..", "cn.duban.dashboard..")
      .because("HTTP plumbing and the read model sit above the domains");

  @ArchTest
  static final ArchRule messagesKnowNoReadModel = noClasses().that().resideInAPackage("cn.duban.message..")
      .should().dependOnClassesThat().resideInAnyPackage("cn.duban.web..", "cn.duban.dashboard..", "cn.duban.notice..")
      .because("R33: the domains and the dashboard put events into the outbox; the messages know none of them");

  @ArchTest
  static final ArchRule noCycles = slices().matching("cn.duban.(*)..").should().beFreeOfCycles();
}
