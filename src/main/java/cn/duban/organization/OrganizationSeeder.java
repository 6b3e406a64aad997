package cn.duban.organization;

import cn.duban.organization.OrganizationProperties.PersonSeed;
import cn.duban.organization.OrganizationProperties.UnitSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the configured organisation: the office groups, a group per unit, the people as Camunda
 * users in their groups, and the project's Unit and Person rows. Runs at every start and only adds
 * what is missing, so a restart never resets a password someone changed.
 */
@Component
public class OrganizationSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSeeder.class);

  private final OrganizationProperties properties;
  private final OrganizationAdmin admin;
  private final PostService posts;

  public OrganizationSeeder(OrganizationProperties properties, OrganizationAdmin admin, PostService posts) {
    this.properties = properties;
    this.admin = admin;
    this.posts = posts;
  }

  @Transactional
  public void seed() {
    admin.ensureOfficeGroups();
    for (UnitSeed seed : properties.units()) {
      admin.addUnit(seed.code(), seed.name());
    }
    for (PersonSeed seed : properties.people()) {
      if (properties.initialPassword() == null || properties.initialPassword().isBlank()) {
        throw new IllegalStateException("duban.organization.initial-password is not set");
      }
      admin.addPerson(seed.id(), seed.name(), seed.title(), seed.unit(), seed.roles(), properties.initialPassword());
      if (properties.mailDomain() != null && !properties.mailDomain().isBlank()) {
        admin.ensureEmail(seed.id(), seed.id() + "@" + properties.mailDomain().strip());
      }
    }
    for (OrganizationProperties.PostSeed seed : properties.posts()) {
      posts.addPost(seed.unit(), seed.name(), seed.a(), seed.b());
    }
    LOG.info("Organisation: {} units, {} people, {} posts", properties.units().size(), properties.people().size(),
        properties.posts().size());
  }
}
